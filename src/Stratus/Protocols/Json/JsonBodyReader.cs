using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Json;

/// <summary>
/// Turns a parsed JSON body into native values, dispatching on the shape type (botocore's
/// <c>BaseJSONParser</c>): structures keyed by member name (nulls and unknown fields dropped), blobs
/// decoded, timestamps from epoch seconds or text, special floats from their string forms.
/// Values that do not fit their shape are passed through as plain JSON rather than rejected.
/// </summary>
internal static class JsonBodyReader
{
    /// <summary>The key a union gets when the service sent a member this model does not know.</summary>
    public const string UnknownUnionMember = "SDK_UNKNOWN_MEMBER";

    /// <summary>Parses a body, or returns null when it is empty or only whitespace.</summary>
    public static JsonDocument? ParseDocument(ReadOnlyMemory<byte> body)
    {
        var span = body.Span;
        var start = 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }
        return start == span.Length ? null : JsonDocument.Parse(body);
    }

    /// <summary>Reads <paramref name="members"/> of a JSON object into <paramref name="result"/>.</summary>
    public static void ReadMembers(IEnumerable<KeyValuePair<string, Shape>> members, JsonElement obj, JsonObject result)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var (name, member) in members)
        {
            if (obj.TryGetProperty(member.WireName, out var v) && v.ValueKind != JsonValueKind.Null)
            {
                result[name] = Read(member, v);
            }
        }
    }

    /// <summary>Reads <paramref name="members"/> (a shape's member array) of a JSON object into <paramref name="result"/>.</summary>
    public static void ReadMembers(KeyValuePair<string, Shape>[] members, JsonElement obj, JsonObject result)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var (name, member) in members)
        {
            if (obj.TryGetProperty(member.WireNameUtf8, out var v) && v.ValueKind != JsonValueKind.Null)
            {
                result[name] = Read(member, v);
            }
        }
    }

    /// <summary>Reads <paramref name="members"/> of a JSON object into a builder (no enumerator allocated, names looked up as UTF-8).</summary>
    private static void ReadMembers(KeyValuePair<string, Shape>[] members, JsonElement obj, ref ObjectBuilder result)
    {
        foreach (var (name, member) in members)
        {
            if (obj.TryGetProperty(member.WireNameUtf8, out var v) && v.ValueKind != JsonValueKind.Null)
            {
                result.Set(name, Read(member, v));
            }
        }
    }

    /// <summary>Reads one value for <paramref name="shape"/>.</summary>
    public static JsonNode? Read(Shape shape, JsonElement e)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure when e.ValueKind == JsonValueKind.Object:
                var builder = new ObjectBuilder();
                ReadMembers(shape.MemberArray, e, ref builder);
                if (shape.Union && builder.Count == 0)
                {
                    builder.Release();
                    var o = new JsonObject();
                    AddUnknownUnionMember(e, o);
                    return o;
                }
                return builder.ToObject();
            case ShapeType.List when e.ValueKind == JsonValueKind.Array:
                var a = new ArrayBuilder();
                var itemShape = shape.Member;
                foreach (var item in e.EnumerateArray())
                {
                    a.Add(item.ValueKind == JsonValueKind.Null ? null : Read(itemShape, item));
                }
                return a.ToArray();
            case ShapeType.Map when e.ValueKind == JsonValueKind.Object:
                var m = new ObjectBuilder();
                var valueShape = shape.Value;
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind != JsonValueKind.Null)
                    {
                        m.Set(p.Name, Read(valueShape, p.Value));
                    }
                }
                return m.ToObject();
            case ShapeType.String when e.ValueKind == JsonValueKind.String:
                return JsonValue.Create(e.GetString());
            case ShapeType.Integer when e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var i):
                return JsonValue.Create(i);
            case ShapeType.Integer or ShapeType.Long when e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var l):
                return JsonValue.Create(l);
            case ShapeType.Float or ShapeType.Double when e.ValueKind == JsonValueKind.Number:
                return JsonValue.Create(e.GetDouble());
            case ShapeType.Float or ShapeType.Double when e.ValueKind == JsonValueKind.String && NativeValues.TryParseDouble(e.GetString()!, out var d):
                return JsonValue.Create(d);
            case ShapeType.BigInteger or ShapeType.BigDecimal when e.ValueKind == JsonValueKind.Number:
                // Keeps every digit; the value reads as decimal, double or text as the caller needs.
                return JsonValue.Create(e.Clone());
            case ShapeType.Boolean when e.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(e.GetBoolean());
            case ShapeType.Timestamp when e.ValueKind == JsonValueKind.Number:
                return NativeValues.Timestamp(Timestamps.FromEpochSeconds(e.GetDouble()));
            case ShapeType.Timestamp when e.ValueKind == JsonValueKind.String && Timestamps.TryParse(e.GetString()!, out var ts):
                return NativeValues.Timestamp(ts);
            case ShapeType.Blob when e.ValueKind == JsonValueKind.String && e.TryGetBytesFromBase64(out var bytes):
                return NativeValues.Blob(bytes);
            default:
                // Documents, big numbers, and values that do not match their shape.
                return ToNode(e);
        }
    }

    /// <summary>Converts a JSON element to a free-standing node (documents: plain JSON).</summary>
    public static JsonNode? ToNode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var o = new ObjectBuilder();
                foreach (var p in e.EnumerateObject())
                {
                    o.Set(p.Name, ToNode(p.Value));
                }
                return o.ToObject();
            case JsonValueKind.Array:
                var a = new ArrayBuilder();
                foreach (var item in e.EnumerateArray())
                {
                    a.Add(ToNode(item));
                }
                return a.ToArray();
            case JsonValueKind.String:
                return JsonValue.Create(e.GetString());
            case JsonValueKind.Number:
                return e.TryGetInt64(out var l) ? JsonValue.Create(l) : JsonValue.Create(e.GetDouble());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    private static void AddUnknownUnionMember(JsonElement e, JsonObject result)
    {
        foreach (var p in e.EnumerateObject())
        {
            // "__type" names the union's own shape in some services' output; it is not a member.
            if (p.Name != "__type" && p.Value.ValueKind != JsonValueKind.Null)
            {
                result[UnknownUnionMember] = new JsonObject { ["name"] = p.Name };
                return;
            }
        }
    }
}
