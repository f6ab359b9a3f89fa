using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Stratus.Cli.Output;

/// <summary>
/// <c>--output yaml</c>, a small hand-written emitter (no reflection, so trimming- and AOT-safe) that writes what
/// the AWS CLI's YAML output writes: block style, keys sorted, list items at their parent key's indentation,
/// <c>{}</c> and <c>[]</c> for empty containers, and strings plain unless YAML 1.2 would read them as something
/// else (<c>'true'</c>, <c>'123'</c>, <c>'2024-01-31T12:00:00+00:00'</c>) or they start with an indicator.
/// Differences, all still the same data: long strings are not folded at 80 columns, and strings with line
/// breaks or control characters are double-quoted with escapes (the AWS CLI single-quotes multi-line text).
/// A top-level scalar is written as JSON, as the AWS CLI does.
/// With <paramref name="stream"/> (<c>yaml-stream</c>), each result is written as a one-item list, as the AWS CLI
/// writes each page.
/// </summary>
internal sealed partial class YamlOutput(bool stream = false) : IOutputFormatter
{
    /// <inheritdoc />
    public void Write(string operationName, JsonNode? data, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (data is JsonObject { Count: 0 })
        {
            return;
        }
        output.Write(Format(stream ? new JsonArray(data?.DeepClone()) : data));
    }

    /// <summary>A value as a YAML document (with a trailing newline).</summary>
    public static string Format(JsonNode? data)
    {
        if (Scalars.IsScalar(data))
        {
            return Scalars.JsonLiteral(data) + "\n";
        }
        var sb = new StringBuilder();
        Block(sb, data!, 0);
        return sb.ToString();
    }

    /// <summary>Writes a non-empty object or list starting at the current line, indented by <paramref name="indent"/>.</summary>
    private static void Block(StringBuilder sb, JsonNode node, int indent)
    {
        switch (node)
        {
            case JsonObject obj:
                var firstKey = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!firstKey)
                    {
                        sb.Append(' ', indent);
                    }
                    firstKey = false;
                    sb.Append(Scalar(key)).Append(':');
                    switch (value)
                    {
                        case JsonObject { Count: > 0 } child:
                            sb.Append('\n').Append(' ', indent + 2);
                            Block(sb, child, indent + 2);
                            break;
                        case JsonArray { Count: > 0 } list:
                            // Block sequences under a key are not indented further.
                            sb.Append('\n').Append(' ', indent);
                            Block(sb, list, indent);
                            break;
                        default:
                            sb.Append(' ').Append(Inline(value)).Append('\n');
                            break;
                    }
                }
                break;
            case JsonArray array:
                var firstItem = true;
                foreach (var item in array)
                {
                    if (!firstItem)
                    {
                        sb.Append(' ', indent);
                    }
                    firstItem = false;
                    sb.Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        Block(sb, item, indent + 2);
                    }
                    else
                    {
                        sb.Append(Inline(item)).Append('\n');
                    }
                }
                break;
        }
    }

    private static string Inline(JsonNode? node) => node switch
    {
        JsonObject => "{}",
        JsonArray => "[]",
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => Scalar(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => Float(d),
        _ => Scalar(node.ToJsonString()),
    };

    private static string Float(double d) => d switch
    {
        double.NaN => ".nan",
        double.PositiveInfinity => ".inf",
        double.NegativeInfinity => "-.inf",
        _ => Scalars.FloatRepr(d),
    };

    /// <summary>A string as a plain, single-quoted or double-quoted scalar.</summary>
    public static string Scalar(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NeedsDoubleQuotes(text))
        {
            return DoubleQuoted(text);
        }
        return CanBePlain(text) ? text : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool NeedsDoubleQuotes(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' or '\ufeff')
            {
                return true;
            }
        }
        return false;
    }

    private static bool CanBePlain(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || Implicit().IsMatch(text))
        {
            return false;
        }
        var first = text[0];
        if ("#,[]{}&*!|>'\"%@`".Contains(first, StringComparison.Ordinal))
        {
            return false;
        }
        // "-", "?" and ":" are indicators at the start when alone or followed by a space.
        if (first is '-' or '?' or ':' && (text.Length == 1 || text[1] == ' '))
        {
            return false;
        }
        return !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal) && !text.EndsWith(':');
    }

    private static string DoubleQuoted(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                case '\u0085': sb.Append("\\N"); break;
                case '\u2028': sb.Append("\\L"); break;
                case '\u2029': sb.Append("\\P"); break;
                case < ' ' or '\u007f': sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)); break;
                case '\ufeff': sb.Append("\\uFEFF"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Text a YAML 1.2 reader would take for a null, boolean, number or timestamp.</summary>
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|=|<<)$")]
    private static partial Regex Implicit();
}
