using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Stratus.Testing.Recording;

/// <summary>
/// The recording format: JSON Lines, one <see cref="TrafficEntry"/> per line —
/// <c>{"service", "operation", "request": {"method", "uri", "headers", "body", "bodyEncoding"?}, "response": {"status", "headers", "body", "bodyEncoding"?}}</c>.
/// Bodies are text when they are valid UTF-8, else base64 with <c>"bodyEncoding": "base64"</c>.
/// </summary>
public static class TrafficFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads every entry of a recording, in order.</summary>
    /// <exception cref="InvalidDataException">A line is not a recorded exchange.</exception>
    public static List<TrafficEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var entries = new List<TrafficEntry>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                entries.Add(Parse(line));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{number}: not a recorded exchange: {e.Message}", e);
            }
        }
        return entries;
    }

    /// <summary>Writes an entry as one line of JSON (no line break).</summary>
    public static string Format(TrafficEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (entry.Service is not null)
            {
                writer.WriteString("service", entry.Service);
            }
            if (entry.Operation is not null)
            {
                writer.WriteString("operation", entry.Operation);
            }
            writer.WriteStartObject("request");
            writer.WriteString("method", entry.Method);
            writer.WriteString("uri", entry.Uri);
            WriteHeaders(writer, entry.RequestHeaders);
            WriteBody(writer, entry.RequestBody);
            writer.WriteEndObject();
            writer.WriteStartObject("response");
            writer.WriteNumber("status", entry.StatusCode);
            WriteHeaders(writer, entry.ResponseHeaders);
            WriteBody(writer, entry.ResponseBody);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static TrafficEntry Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var request = root.GetProperty("request");
        var response = root.GetProperty("response");
        return new TrafficEntry
        {
            Service = root.TryGetProperty("service", out var s) ? s.GetString() : null,
            Operation = root.TryGetProperty("operation", out var o) ? o.GetString() : null,
            Method = request.GetProperty("method").GetString()!,
            Uri = request.GetProperty("uri").GetString()!,
            RequestHeaders = ReadHeaders(request),
            RequestBody = ReadBody(request),
            StatusCode = response.GetProperty("status").GetInt32(),
            ResponseHeaders = ReadHeaders(response),
            ResponseBody = ReadBody(response),
        };
    }

    private static void WriteHeaders(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> headers)
    {
        writer.WriteStartObject("headers");
        foreach (var (name, value) in headers)
        {
            writer.WriteString(name, value);
        }
        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, byte[] body)
    {
        if (TryText(body, out var text))
        {
            writer.WriteString("body", text);
            return;
        }
        writer.WriteString("body", Convert.ToBase64String(body));
        writer.WriteString("bodyEncoding", "base64");
    }

    private static bool TryText(byte[] body, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static Dictionary<string, string> ReadHeaders(JsonElement message)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (message.TryGetProperty("headers", out var h))
        {
            foreach (var p in h.EnumerateObject())
            {
                headers[p.Name] = p.Value.GetString() ?? "";
            }
        }
        return headers;
    }

    private static byte[] ReadBody(JsonElement message)
    {
        if (!message.TryGetProperty("body", out var body))
        {
            return [];
        }
        var text = body.GetString() ?? "";
        return message.TryGetProperty("bodyEncoding", out var e) && e.GetString() == "base64"
            ? Convert.FromBase64String(text)
            : Encoding.UTF8.GetBytes(text);
    }
}
