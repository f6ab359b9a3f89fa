using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Stratus.Testing.Recording;

/// <summary>
/// Replaces the values of named members in a body with <c>***</c>, by name, in the formats the AWS protocols
/// write as text: JSON (any key at any depth), XML (an element's whole content) and forms (a key or its last
/// segment). Other bodies (CBOR, binary payloads) are returned unchanged.
/// </summary>
internal static class BodyRedactor
{
    public const string Mask = "***";

    private static readonly ConcurrentDictionary<string, Regex> XmlPatterns = new(StringComparer.Ordinal);
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body with the named members' values masked; the same array when nothing was masked.</summary>
    public static byte[] Redact(byte[] body, string? contentType, IReadOnlySet<string> names)
    {
        if (body.Length == 0 || names.Count == 0)
        {
            return body;
        }
        return KindOf(body, contentType) switch
        {
            BodyKind.Json => RedactJson(body, names),
            BodyKind.Xml => RedactXml(body, names),
            BodyKind.Form => RedactForm(body, names),
            _ => body,
        };
    }

    /// <summary>Parses a body as JSON, or null when it is not JSON.</summary>
    public static JsonNode? TryParseJson(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private enum BodyKind { Other, Json, Xml, Form }

    private static BodyKind KindOf(byte[] body, string? contentType)
    {
        var type = contentType ?? "";
        if (type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Json;
        }
        if (type.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Xml;
        }
        if (type.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Form;
        }
        if (type.Contains("cbor", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Other;
        }
        var first = body.AsSpan().TrimStart(" \t\r\n"u8);
        return first.IsEmpty ? BodyKind.Other : first[0] switch
        {
            (byte)'{' or (byte)'[' => BodyKind.Json,
            (byte)'<' => BodyKind.Xml,
            _ => BodyKind.Other,
        };
    }

    private static byte[] RedactJson(byte[] body, IReadOnlySet<string> names)
    {
        var root = TryParseJson(body);
        if (root is null || !MaskJson(root, names))
        {
            return body;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            root.WriteTo(writer);
        }
        return buffer.ToArray();
    }

    private static bool MaskJson(JsonNode node, IReadOnlySet<string> names)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    if (o[name] is not { } value)
                    {
                        continue;
                    }
                    if (names.Contains(name))
                    {
                        o[name] = Mask;
                        changed = true;
                    }
                    else
                    {
                        changed |= MaskJson(value, names);
                    }
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        changed |= MaskJson(item, names);
                    }
                }
                break;
        }
        return changed;
    }

    private static byte[] RedactXml(byte[] body, IReadOnlySet<string> names)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return body;
        }
        var key = string.Join('|', names.Order(StringComparer.Ordinal).Select(Regex.Escape));
        var pattern = XmlPatterns.GetOrAdd(key, k =>
            new Regex($@"<((?:[\w.-]+:)?(?:{k}))(\s[^>]*)?>(.*?)</\1\s*>", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        var redacted = pattern.Replace(text, m => $"<{m.Groups[1].Value}{m.Groups[2].Value}>{Mask}</{m.Groups[1].Value}>");
        return ReferenceEquals(redacted, text) || redacted == text ? body : Encoding.UTF8.GetBytes(redacted);
    }

    private static byte[] RedactForm(byte[] body, IReadOnlySet<string> names)
    {
        var pairs = Encoding.UTF8.GetString(body).Split('&');
        var changed = false;
        for (var i = 0; i < pairs.Length; i++)
        {
            var eq = pairs[i].IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }
            var key = Uri.UnescapeDataString(pairs[i][..eq].Replace('+', ' '));
            var last = key.Split('.').LastOrDefault(s => !s.All(char.IsAsciiDigit)) ?? key;
            if (names.Contains(key) || names.Contains(last))
            {
                pairs[i] = pairs[i][..(eq + 1)] + Mask;
                changed = true;
            }
        }
        return changed ? Encoding.UTF8.GetBytes(string.Join('&', pairs)) : body;
    }
}
