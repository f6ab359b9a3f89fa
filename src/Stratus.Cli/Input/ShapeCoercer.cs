using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Cli.Input;

/// <summary>
/// Gives a parsed value (from shorthand, JSON or plain text) the types its shape asks for: numeric and boolean
/// text becomes numbers and booleans, timestamps (ISO 8601 or epoch seconds) become <see cref="DateTimeOffset"/>,
/// blob text becomes bytes (see <see cref="BinaryFormat"/>), and a lone value where a list is expected becomes a
/// one-element list (<c>Values=a</c> means <c>["a"]</c>, as in the AWS CLI). Members the shape does not know are
/// kept as they are, so the client's input validation names them.
/// </summary>
internal sealed class ShapeCoercer(string cliName, BinaryFormat binaryFormat, bool fromShorthand)
{
    /// <summary>Coerces <paramref name="value"/> to <paramref name="shape"/>; returns a new tree (the input is not changed).</summary>
    /// <exception cref="ParamException">A value cannot have the type its shape asks for.</exception>
    public JsonNode? Coerce(Shape shape, JsonNode? value, string path)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (value is null)
        {
            return null;
        }
        if (fromShorthand && shape.Type == ShapeType.Document)
        {
            throw new ParamException(cliName, $"Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: {path}");
        }
        switch (shape.Type)
        {
            case ShapeType.Structure when value is JsonObject obj:
                var result = new JsonObject();
                foreach (var (name, member) in obj)
                {
                    result[name] = shape.Members.TryGetValue(name, out var memberShape)
                        ? Coerce(memberShape, member, Join(path, name))
                        : member?.DeepClone();
                }
                return result;
            case ShapeType.List when value is JsonArray array:
                var list = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    list.Add(Coerce(shape.Member, array[i], $"{path}[{i}]"));
                }
                return list;
            case ShapeType.List:
                // "Values=a" where a list is expected: a list of one.
                return new JsonArray(Coerce(shape.Member, value, $"{path}[0]"));
            case ShapeType.Map when value is JsonObject map:
                var entries = new JsonObject();
                foreach (var (key, entry) in map)
                {
                    entries[key] = Coerce(shape.Value, entry, Join(path, key));
                }
                return entries;
            case ShapeType.Structure or ShapeType.Map or ShapeType.Document:
                return value.DeepClone();
            default:
                return value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    ? Scalar(shape, v.GetValue<string>(), path)
                    : NonTextScalar(shape, value, path);
        }
    }

    /// <summary>Parses text for a scalar shape.</summary>
    /// <exception cref="ParamException">The text is not a value of the shape's type.</exception>
    public JsonNode? Scalar(Shape shape, string text, string path)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(text);
        switch (shape.Type)
        {
            case ShapeType.Integer or ShapeType.Long:
                return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? JsonValue.Create(l)
                    : throw Invalid(path, $"invalid integer: '{text}'");
            case ShapeType.Float or ShapeType.Double:
                return NativeValues.TryParseDouble(text.Trim(), out var d)
                    ? JsonValue.Create(d)
                    : throw Invalid(path, $"invalid number: '{text}'");
            case ShapeType.Boolean:
                return text.Trim().ToLowerInvariant() switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => throw Invalid(path, $"expected true or false, got '{text}'"),
                };
            case ShapeType.Timestamp:
                return Timestamps.TryParse(text, out var t)
                    ? NativeValues.Timestamp(t)
                    : throw Invalid(path, $"invalid timestamp: '{text}' (use ISO 8601, for example 2024-01-31T12:00:00Z, or epoch seconds)");
            case ShapeType.Blob:
                return NativeValues.Blob(BlobBytes(text, path));
            default:
                return JsonValue.Create(text);
        }
    }

    /// <summary>The bytes of blob text: its UTF-8 bytes, or base64-decoded with <c>--cli-binary-format base64</c>.</summary>
    public byte[] BlobBytes(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (binaryFormat == BinaryFormat.RawInBase64Out)
        {
            return Encoding.UTF8.GetBytes(text);
        }
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new ParamException(cliName, $"{Where(path)}Invalid base64: \"{text}\" (--cli-binary-format base64 is in effect; use raw-in-base64-out to pass text)", e);
        }
    }

    private static JsonNode NonTextScalar(Shape shape, JsonNode value, string path)
    {
        // JSON numbers and booleans pass as they are (the client checks them); a JSON number for a
        // timestamp is epoch seconds.
        if (shape.Type == ShapeType.Timestamp && NativeValues.TryGetTimestamp(value, out var t))
        {
            return NativeValues.Timestamp(t);
        }
        return value.DeepClone();
    }

    private ParamException Invalid(string path, string reason) => new(cliName, Where(path) + reason);

    private static string Where(string path) => path.Length == 0 ? "" : $"{path}: ";

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
