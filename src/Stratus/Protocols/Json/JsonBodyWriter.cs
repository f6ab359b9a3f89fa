using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Json;

/// <summary>
/// Writes native input values as JSON bodies, dispatching on the shape type (botocore's
/// <c>JSONSerializer</c>): structures by wire name in model order, blobs as base64, timestamps as
/// epoch seconds unless the member says otherwise, special floats as strings, documents as they are.
/// </summary>
internal static class JsonBodyWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and writer per thread, reused across requests; only the finished body is copied out.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>Writes <paramref name="members"/> of <paramref name="input"/> as one JSON object; absent and null members are left out.</summary>
    public static byte[] WriteObject(IEnumerable<KeyValuePair<string, Shape>> members, JsonObject input) =>
        Render((members, input), static (w, state) => WriteMembers(w, state.members, state.input, []));

    /// <summary>Writes <paramref name="members"/> (a shape's member array) of <paramref name="input"/> as one JSON object.</summary>
    public static byte[] WriteObject(KeyValuePair<string, Shape>[] members, JsonObject input) =>
        Render((members, input), static (w, state) => WriteMembers(w, state.members, state.input));

    /// <summary>
    /// Writes <paramref name="members"/> of <paramref name="input"/> as one JSON object, after the
    /// <paramref name="leading"/> text properties (an error's <c>__type</c> and <c>message</c>).
    /// </summary>
    public static byte[] WriteObject(IEnumerable<KeyValuePair<string, Shape>> members, JsonObject input, IReadOnlyList<KeyValuePair<string, string>> leading) =>
        Render((members, input, leading), static (w, state) => WriteMembers(w, state.members, state.input, state.leading));

    /// <summary>Writes one value (a payload member) as a JSON document.</summary>
    public static byte[] WriteValue(Shape shape, JsonNode value) => Render((shape, value), static (w, state) => Write(w, state.shape, state.value));

    // A static function and its state: no closure per request.
    private static byte[] Render<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        var body = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1 << 20)
        {
            // Do not pin a large buffer to the thread after one big request.
            t_buffer = null;
            t_writer = null;
        }
        return body;
    }

    private static void WriteMembers(Utf8JsonWriter w, IEnumerable<KeyValuePair<string, Shape>> members, JsonObject input, IReadOnlyList<KeyValuePair<string, string>> leading)
    {
        w.WriteStartObject();
        foreach (var (name, text) in leading)
        {
            w.WriteString(name, text);
        }
        foreach (var (name, member) in members)
        {
            if (input[name] is { } value)
            {
                w.WritePropertyName(member.WireName);
                Write(w, member, value);
            }
        }
        w.WriteEndObject();
    }

    // WriteMembers over a member array, with no leading properties: nothing allocated to walk it.
    private static void WriteMembers(Utf8JsonWriter w, KeyValuePair<string, Shape>[] members, JsonObject input)
    {
        w.WriteStartObject();
        foreach (var (name, member) in members)
        {
            if (input[name] is { } value)
            {
                w.WritePropertyName(member.WireName);
                Write(w, member, value);
            }
        }
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, Shape shape, JsonNode value)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure when value is JsonObject o:
                WriteMembers(w, shape.MemberArray, o);
                break;
            case ShapeType.List when value is JsonArray a:
                w.WriteStartArray();
                foreach (var item in a)
                {
                    WriteOrNull(w, shape.Member, item);
                }
                w.WriteEndArray();
                break;
            case ShapeType.Map when value is JsonObject m:
                w.WriteStartObject();
                foreach (var (key, item) in m)
                {
                    w.WritePropertyName(key);
                    WriteOrNull(w, shape.Value, item);
                }
                w.WriteEndObject();
                break;
            case ShapeType.String:
                if (NativeValues.TryGetString(value, out var s))
                {
                    w.WriteStringValue(s);
                }
                else if (shape.JsonValue)
                {
                    w.WriteStringValue(value.ToJsonString());
                }
                else
                {
                    value.WriteTo(w);
                }
                break;
            case ShapeType.Integer:
            case ShapeType.Long:
                w.WriteNumberValue(NativeValues.TryGetInt64(value, out var l) ? l : throw Invalid(shape, value));
                break;
            case ShapeType.Float:
            case ShapeType.Double:
                var d = NativeValues.TryGetDouble(value, out var dv) ? dv : throw Invalid(shape, value);
                if (double.IsFinite(d))
                {
                    w.WriteNumberValue(d);
                }
                else
                {
                    w.WriteStringValue(NativeValues.FormatDouble(d));
                }
                break;
            case ShapeType.Boolean:
                w.WriteBooleanValue(NativeValues.TryGetBoolean(value, out var b) ? b : throw Invalid(shape, value));
                break;
            case ShapeType.Timestamp:
                WriteTimestamp(w, shape, NativeValues.TryGetTimestamp(value, out var ts) ? ts : throw Invalid(shape, value));
                break;
            case ShapeType.Blob:
                w.WriteBase64StringValue(NativeValues.TryGetBytes(value, out var bytes) ? bytes : throw Invalid(shape, value));
                break;
            case ShapeType.BigInteger:
            case ShapeType.BigDecimal:
                // Arbitrary precision: keep the caller's digits rather than round through double.
                w.WriteRawValue(NativeValues.TryGetString(value, out var digits) ? digits : value.ToJsonString());
                break;
            default:
                // Documents, and values that do not fit their shape: written as given.
                value.WriteTo(w);
                break;
        }
    }

    private static void WriteOrNull(Utf8JsonWriter w, Shape shape, JsonNode? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            Write(w, shape, value);
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter w, Shape shape, DateTimeOffset value)
    {
        var format = shape.TimestampFormat ?? Timestamps.UnixTimestamp;
        if (format != Timestamps.UnixTimestamp)
        {
            w.WriteStringValue(Timestamps.Format(value, format));
            return;
        }
        var ms = value.ToUnixTimeMilliseconds();
        if (ms % 1000 == 0)
        {
            w.WriteNumberValue(ms / 1000);
        }
        else
        {
            w.WriteNumberValue(ms / 1000.0);
        }
    }

    private static FormatException Invalid(Shape shape, JsonNode value) =>
        new($"'{value.ToJsonString()}' is not a valid {shape.Type} value for '{shape.MemberName ?? shape.Name}'.");
}
