using System.Buffers;
using System.Text.Json;

namespace Stratus.Endpoints.Rules;

/// <summary>
/// A compiled endpoint <c>properties</c> value: objects, arrays and literals are kept as they are; strings are
/// templates. A value with no template is written once at compile time.
/// </summary>
internal abstract class PropertyNode
{
    /// <summary>Whether the value has no template, so it is the same for every resolution.</summary>
    public abstract bool IsConstant { get; }

    /// <summary>Writes the value.</summary>
    public abstract void Write(Utf8JsonWriter writer, object?[] scope);

    /// <summary>Compiles a JSON value; <paramref name="compileString"/> compiles a template string.</summary>
    public static PropertyNode Compile(JsonElement value, Func<string, Expr> compileString) => value.ValueKind switch
    {
        JsonValueKind.Object => new ObjectNode(
            value.EnumerateObject().Select(p => p.Name).ToArray(),
            value.EnumerateObject().Select(p => Compile(p.Value, compileString)).ToArray()),
        JsonValueKind.Array => new ArrayNode(value.EnumerateArray().Select(v => Compile(v, compileString)).ToArray()),
        JsonValueKind.String => new StringNode(compileString(value.GetString()!)),
        _ => new LiteralNode(value.Clone()),
    };

    /// <summary>Evaluates an object node into its top-level properties.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Evaluate(PropertyNode node, object?[] scope)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.Write(writer, scope);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var root = document.RootElement.Clone();
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            result[property.Name] = property.Value;
        }
        return new System.Collections.ObjectModel.ReadOnlyDictionary<string, JsonElement>(result);
    }

    private sealed class ObjectNode(string[] names, PropertyNode[] values) : PropertyNode
    {
        public override bool IsConstant { get; } = values.All(v => v.IsConstant);

        public override void Write(Utf8JsonWriter writer, object?[] scope)
        {
            writer.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                writer.WritePropertyName(names[i]);
                values[i].Write(writer, scope);
            }
            writer.WriteEndObject();
        }
    }

    private sealed class ArrayNode(PropertyNode[] items) : PropertyNode
    {
        public override bool IsConstant { get; } = items.All(v => v.IsConstant);

        public override void Write(Utf8JsonWriter writer, object?[] scope)
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                item.Write(writer, scope);
            }
            writer.WriteEndArray();
        }
    }

    private sealed class StringNode(Expr template) : PropertyNode
    {
        public override bool IsConstant => template.IsConstant;

        public override void Write(Utf8JsonWriter writer, object?[] scope) => WriteValue(writer, template.Evaluate(scope));

        private static void WriteValue(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case int i:
                    writer.WriteNumberValue(i);
                    break;
                case string[] array:
                    writer.WriteStartArray();
                    foreach (var s in array)
                    {
                        writer.WriteStringValue(s);
                    }
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue(RuleValues.ToText(value));
                    break;
            }
        }
    }

    private sealed class LiteralNode(JsonElement value) : PropertyNode
    {
        public override bool IsConstant => true;

        public override void Write(Utf8JsonWriter writer, object?[] scope) => value.WriteTo(writer);
    }
}
