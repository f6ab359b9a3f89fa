using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Stratus.Protocols;

/// <summary>
/// How model values live in native .NET data (System.Text.Json.Nodes): timestamps are
/// <see cref="DateTimeOffset"/> values, blobs are <c>byte[]</c> values, streaming payloads are
/// <see cref="Stream"/> values. Also reads the looser forms callers may pass as input.
/// All type information is built without reflection, so this is trimming- and AOT-safe.
/// </summary>
public static class NativeValues
{
    // The type infos below are built by hand; the options only need a resolver (an empty one) so they can be made read-only.
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = JsonTypeInfoResolver.Combine() };
    private static readonly JsonTypeInfo<byte[]> BytesInfo = JsonMetadataServices.CreateValueInfo<byte[]>(Options, JsonMetadataServices.ByteArrayConverter);
    private static readonly JsonTypeInfo<Stream> StreamInfo = JsonMetadataServices.CreateValueInfo<Stream>(Options, new StreamConverter());
    private static readonly JsonTypeInfo<EventStreams.EventStream> EventsInfo = JsonMetadataServices.CreateValueInfo<EventStreams.EventStream>(Options, new EventsConverter());

    /// <summary>Wraps bytes as a JSON value (written as base64 when serialized).</summary>
    public static JsonValue Blob(byte[] bytes) => JsonValue.Create(bytes, BytesInfo)!;

    /// <summary>Wraps a timestamp as a JSON value.</summary>
    public static JsonValue Timestamp(DateTimeOffset value) => JsonValue.Create(value);

    /// <summary>Wraps a live stream as a JSON value (a streaming payload; it cannot be serialized).</summary>
    public static JsonValue Stream(Stream stream) => JsonValue.Create(stream, StreamInfo)!;

    /// <summary>Wraps an event stream output member as a JSON value (it cannot be serialized).</summary>
    public static JsonValue Events(EventStreams.EventStream events) => JsonValue.Create(events, EventsInfo)!;

    /// <summary>Reads a blob given as <c>byte[]</c>, <see cref="ReadOnlyMemory{T}"/>, or a string (its UTF-8 bytes).</summary>
    public static bool TryGetBytes(JsonNode? node, out byte[] bytes)
    {
        bytes = [];
        if (node is not JsonValue v)
        {
            return false;
        }
        if (v.TryGetValue<byte[]>(out var b))
        {
            bytes = b;
            return true;
        }
        if (v.TryGetValue<ReadOnlyMemory<byte>>(out var m))
        {
            bytes = m.ToArray();
            return true;
        }
        if (v.TryGetValue<string>(out var s))
        {
            bytes = Encoding.UTF8.GetBytes(s);
            return true;
        }
        return false;
    }

    /// <summary>Reads a stream given for a streaming member.</summary>
    public static bool TryGetStream(JsonNode? node, out Stream stream)
    {
        stream = System.IO.Stream.Null;
        return node is JsonValue v && v.TryGetValue(out stream!);
    }

    /// <summary>
    /// Reads a timestamp given as <see cref="DateTimeOffset"/>, <see cref="DateTime"/> (UTC unless marked local),
    /// epoch seconds (a number), or text (ISO 8601, RFC 1123, or epoch seconds).
    /// </summary>
    public static bool TryGetTimestamp(JsonNode? node, out DateTimeOffset value)
    {
        value = default;
        if (node is not JsonValue v)
        {
            return false;
        }
        if (v.TryGetValue(out value))
        {
            return true;
        }
        if (v.TryGetValue<DateTime>(out var dt))
        {
            value = dt.Kind == DateTimeKind.Local ? new DateTimeOffset(dt) : new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc));
            return true;
        }
        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                value = Timestamps.FromEpochSeconds(NumberAsDouble(v));
                return true;
            case JsonValueKind.String:
                return Timestamps.TryParse(v.GetValue<string>(), out value);
            default:
                return false;
        }
    }

    /// <summary>Reads a number as a double, accepting numeric text and the special values NaN, Infinity, -Infinity.</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }
        return v.GetValueKind() switch
        {
            JsonValueKind.Number => (value = NumberAsDouble(v)) is var _,
            JsonValueKind.String => TryParseDouble(v.GetValue<string>(), out value),
            _ => v.TryGetValue(out value),
        };
    }

    /// <summary>Parses a double as AWS writes it, including NaN, Infinity and -Infinity.</summary>
    public static bool TryParseDouble(string text, out double value)
    {
        switch (text)
        {
            case "NaN": value = double.NaN; return true;
            case "Infinity": value = double.PositiveInfinity; return true;
            case "-Infinity": value = double.NegativeInfinity; return true;
            default: return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    /// <summary>Parses a double as AWS writes it, from characters (see <see cref="TryParseDouble(string, out double)"/>).</summary>
    internal static bool TryParseDouble(ReadOnlySpan<char> text, out double value)
    {
        switch (text)
        {
            case "NaN": value = double.NaN; return true;
            case "Infinity": value = double.PositiveInfinity; return true;
            case "-Infinity": value = double.NegativeInfinity; return true;
            default: return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    /// <summary>Formats a double as AWS expects in text protocols (shortest round-trip form, NaN/Infinity/-Infinity).</summary>
    public static string FormatDouble(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads an integer, accepting numeric text.</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }
        if (v.GetValueKind() == JsonValueKind.String)
        {
            return long.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        }
        if (v.TryGetValue(out value))
        {
            return true;
        }
        if (v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        // Any CLR number (int, short, decimal, ...) given for an integer member: through its JSON text.
        var text = v.ToJsonString();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Floor(d) == d && d is >= long.MinValue and <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }
        return false;
    }

    /// <summary>Reads a boolean, accepting "true"/"false" text.</summary>
    public static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        value = false;
        if (node is not JsonValue v)
        {
            return false;
        }
        return v.GetValueKind() switch
        {
            JsonValueKind.True => value = true,
            JsonValueKind.False => true,
            JsonValueKind.String => bool.TryParse(v.GetValue<string>(), out value),
            _ => v.TryGetValue(out value),
        };
    }

    /// <summary>Reads text; numbers and booleans given for a string member are written in their invariant form.</summary>
    public static bool TryGetString(JsonNode? node, out string value)
    {
        value = "";
        if (node is not JsonValue v)
        {
            return false;
        }
        if (v.TryGetValue<string>(out var s))
        {
            value = s;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A number node as a double. <c>GetValue&lt;double&gt;</c> only works for parsed JSON and doubles; a value
    /// created from an int, long, decimal or float is read through its JSON text.
    /// </summary>
    private static double NumberAsDouble(JsonValue v) =>
        v.TryGetValue<double>(out var d) ? d : double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private sealed class EventsConverter : JsonConverter<EventStreams.EventStream>
    {
        public override EventStreams.EventStream Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("An event stream cannot be read from JSON.");

        public override void Write(Utf8JsonWriter writer, EventStreams.EventStream value, JsonSerializerOptions options) =>
            writer.WriteStringValue("<event stream>");
    }

    private sealed class StreamConverter : JsonConverter<Stream>
    {
        public override Stream Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A streaming payload cannot be read from JSON.");

        public override void Write(Utf8JsonWriter writer, Stream value, JsonSerializerOptions options) =>
            writer.WriteStringValue("<stream>");
    }
}
