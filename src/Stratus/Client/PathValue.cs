using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Client;

/// <summary>The JMESPath types.</summary>
internal enum PathKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// The values a path expression works on without copying the document: a borrowed <see cref="JsonNode"/>,
/// or a value it made (<see cref="List{T}"/> of values, <see cref="PathMap"/>, string, double, bool, null).
/// </summary>
internal static class PathValue
{
    /// <summary>A JSON null node becomes null; anything else stays as it is.</summary>
    public static object? Normalize(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Null ? null : node;

    public static PathKind Kind(object? value) => value switch
    {
        null => PathKind.Null,
        bool => PathKind.Boolean,
        double => PathKind.Number,
        string => PathKind.String,
        List<object?> or JsonArray => PathKind.Array,
        PathMap or JsonObject => PathKind.Object,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => PathKind.Boolean,
            JsonValueKind.Number => PathKind.Number,
            JsonValueKind.String => PathKind.String,
            _ => PathKind.Null,
        },
        _ => PathKind.Null,
    };

    public static bool IsTruthy(object? value) => Kind(value) switch
    {
        PathKind.Null => false,
        PathKind.Boolean => AsBoolean(value),
        PathKind.String => AsString(value)!.Length > 0,
        PathKind.Array => AsList(value)!.Count > 0,
        PathKind.Object => AsObject(value)!.Any(),
        _ => true,
    };

    public static bool AsBoolean(object? value) => value is bool b ? b : value is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static double AsNumber(object? value) => value is double d ? d : NativeValues.TryGetDouble(value as JsonNode, out var n) ? n : double.NaN;

    /// <summary>The text of a string value; timestamps and blobs as they would be written in JSON.</summary>
    public static string? AsString(object? value)
    {
        if (value is string s)
        {
            return s;
        }
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }
        return v.TryGetValue<string>(out var text) ? text : JsonNode.Parse(v.ToJsonString())!.GetValue<string>();
    }

    public static List<object?>? AsList(object? value) => value switch
    {
        List<object?> list => list,
        JsonArray array => array.Select(Normalize).ToList(),
        _ => null,
    };

    public static IEnumerable<KeyValuePair<string, object?>>? AsObject(object? value) => value switch
    {
        PathMap map => map.Entries,
        JsonObject o => o.Select(p => new KeyValuePair<string, object?>(p.Key, Normalize(p.Value))),
        _ => null,
    };

    public static object? Field(object? value, string name) => value switch
    {
        JsonObject o => Normalize(o[name]),
        PathMap map => map.Get(name),
        _ => null,
    };

    /// <summary>JMESPath equality: same type and same value, arrays and objects compared deeply, numbers by value.</summary>
    public static bool Equal(object? a, object? b)
    {
        var kind = Kind(a);
        if (kind != Kind(b))
        {
            return false;
        }
        switch (kind)
        {
            case PathKind.Null:
                return true;
            case PathKind.Boolean:
                return AsBoolean(a) == AsBoolean(b);
            case PathKind.Number:
                return AsNumber(a) == AsNumber(b);
            case PathKind.String:
                return string.Equals(AsString(a), AsString(b), StringComparison.Ordinal);
            case PathKind.Array:
                var x = AsList(a)!;
                var y = AsList(b)!;
                return x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second));
            default:
                var left = AsObject(a)!.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                var right = AsObject(b)!.ToList();
                return left.Count == right.Count && right.All(p => left.TryGetValue(p.Key, out var v) && Equal(v, p.Value));
        }
    }

    /// <summary>Makes a node of a value: a borrowed node is returned as it is (still part of its document).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        bool b => JsonValue.Create(b),
        double d => Math.Floor(d) == d && Math.Abs(d) < 1e15 ? JsonValue.Create((long)d) : JsonValue.Create(d),
        string s => JsonValue.Create(s),
        List<object?> list => new JsonArray([.. list.Select(Detached)]),
        PathMap map => new JsonObject(map.Entries.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Detached(p.Value)))),
        _ => null,
    };

    /// <summary>Text for <c>to_string</c> and <c>join</c>: strings as they are, anything else as compact JSON.</summary>
    public static string ToText(object? value) =>
        AsString(value) ?? (Kind(value) == PathKind.Number ? AsNumber(value).ToString("R", CultureInfo.InvariantCulture) : ToNode(value)?.ToJsonString() ?? "null");

    // A node placed in a new array or object must not have a parent: a borrowed one is copied.
    private static JsonNode? Detached(object? value) => value is JsonNode node ? node.DeepClone() : ToNode(value);
}
