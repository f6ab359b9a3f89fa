using System.Formats.Cbor;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Cbor;

/// <summary>
/// Writes native input values as CBOR (Smithy RPC v2), dispatching on the shape type: structures and
/// maps as definite-length maps keyed by wire name, blobs as byte strings, timestamps as tag 1 epoch
/// seconds; floats and doubles in the shortest width that keeps them exact (RFC 8949 preferred
/// serialization, as the writer does; NaN and infinities included).
/// </summary>
internal static class CborBodyWriter
{
    // One writer per thread, reset between requests so its buffer is reused.
    [ThreadStatic] private static CborWriter? t_writer;

    /// <summary>Writes the present members of <paramref name="input"/> as one map.</summary>
    public static byte[] WriteStructure(Shape shape, JsonObject input) => WriteStructure(shape.Members, input, []);

    /// <summary>
    /// Writes the present <paramref name="members"/> of <paramref name="input"/> as one map, after the
    /// <paramref name="leading"/> text entries (an error's <c>__type</c> and <c>message</c>).
    /// </summary>
    public static byte[] WriteStructure(IReadOnlyDictionary<string, Shape> members, JsonObject input, IReadOnlyList<KeyValuePair<string, string>> leading)
    {
        var w = t_writer ??= new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
        w.Reset();
        try
        {
            WriteMembers(w, members, input, leading);
            return w.Encode();
        }
        finally
        {
            w.Reset();
        }
    }

    private static void WriteMembers(CborWriter w, IReadOnlyDictionary<string, Shape> members, JsonObject input, IReadOnlyList<KeyValuePair<string, string>> leading)
    {
        var count = leading.Count;
        foreach (var name in members.Keys)
        {
            if (input[name] is not null)
            {
                count++;
            }
        }
        w.WriteStartMap(count);
        foreach (var (key, text) in leading)
        {
            w.WriteTextString(key);
            w.WriteTextString(text);
        }
        foreach (var (name, member) in members)
        {
            if (input[name] is { } value)
            {
                w.WriteTextString(member.WireName);
                Write(w, member, value);
            }
        }
        w.WriteEndMap();
    }

    private static void Write(CborWriter w, Shape shape, JsonNode? value)
    {
        if (value is null)
        {
            w.WriteNull();
            return;
        }
        switch (shape.Type)
        {
            case ShapeType.Structure when value is JsonObject o:
                WriteMembers(w, shape.Members, o, []);
                break;
            case ShapeType.List when value is JsonArray a:
                w.WriteStartArray(a.Count);
                foreach (var item in a)
                {
                    Write(w, shape.Member, item);
                }
                w.WriteEndArray();
                break;
            case ShapeType.Map when value is JsonObject m:
                w.WriteStartMap(m.Count);
                foreach (var (key, item) in m)
                {
                    w.WriteTextString(key);
                    Write(w, shape.Value, item);
                }
                w.WriteEndMap();
                break;
            case ShapeType.String when NativeValues.TryGetString(value, out var s):
                w.WriteTextString(s);
                break;
            case ShapeType.Integer:
            case ShapeType.Long:
                w.WriteInt64(NativeValues.TryGetInt64(value, out var l) ? l : throw Invalid(shape, value));
                break;
            case ShapeType.Float:
                w.WriteSingle(NativeValues.TryGetDouble(value, out var f) ? (float)f : throw Invalid(shape, value));
                break;
            case ShapeType.Double:
                w.WriteDouble(NativeValues.TryGetDouble(value, out var d) ? d : throw Invalid(shape, value));
                break;
            case ShapeType.Boolean:
                w.WriteBoolean(NativeValues.TryGetBoolean(value, out var b) ? b : throw Invalid(shape, value));
                break;
            case ShapeType.Timestamp:
                var ts = NativeValues.TryGetTimestamp(value, out var t) ? t : throw Invalid(shape, value);
                w.WriteTag(CborTag.UnixTimeSeconds);
                var ms = ts.ToUnixTimeMilliseconds();
                if (ms % 1000 == 0)
                {
                    w.WriteInt64(ms / 1000);
                }
                else
                {
                    w.WriteDouble(ms / 1000.0);
                }
                break;
            case ShapeType.Blob:
                w.WriteByteString(NativeValues.TryGetBytes(value, out var bytes) ? bytes : throw Invalid(shape, value));
                break;
            case ShapeType.BigInteger when BigInteger.TryParse(Digits(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var big):
                w.WriteBigInteger(big);
                break;
            case ShapeType.BigDecimal when decimal.TryParse(Digits(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var dec):
                w.WriteDecimal(dec);
                break;
            default:
                WriteAny(w, value);
                break;
        }
    }

    /// <summary>Writes plain JSON (documents, and values that do not fit their shape) as the matching CBOR.</summary>
    private static void WriteAny(CborWriter w, JsonNode? value)
    {
        switch (value)
        {
            case null:
                w.WriteNull();
                break;
            case JsonObject o:
                w.WriteStartMap(o.Count);
                foreach (var (k, v) in o)
                {
                    w.WriteTextString(k);
                    WriteAny(w, v);
                }
                w.WriteEndMap();
                break;
            case JsonArray a:
                w.WriteStartArray(a.Count);
                foreach (var v in a)
                {
                    WriteAny(w, v);
                }
                w.WriteEndArray();
                break;
            case JsonValue v:
                if (v.TryGetValue<string>(out var s))
                {
                    w.WriteTextString(s);
                }
                else if (v.TryGetValue<byte[]>(out var bytes))
                {
                    w.WriteByteString(bytes);
                }
                else if (v.TryGetValue<bool>(out var b))
                {
                    w.WriteBoolean(b);
                }
                else if (v.TryGetValue<long>(out var l))
                {
                    w.WriteInt64(l);
                }
                else if (v.TryGetValue<int>(out var i))
                {
                    w.WriteInt32(i);
                }
                else if (v.TryGetValue<double>(out var d))
                {
                    w.WriteDouble(d);
                }
                else
                {
                    w.WriteNull();
                }
                break;
        }
    }

    private static string Digits(JsonNode value) => NativeValues.TryGetString(value, out var s) ? s : value.ToJsonString();

    private static FormatException Invalid(Shape shape, JsonNode value) =>
        new($"'{value.ToJsonString()}' is not a valid {shape.Type} value for '{shape.MemberName ?? shape.Name}'.");
}
