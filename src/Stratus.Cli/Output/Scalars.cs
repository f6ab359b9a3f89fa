using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Cli.Output;

/// <summary>
/// Scalars as the AWS CLI prints them (it is written in Python): <c>True</c>/<c>False</c>/<c>None</c> in text and
/// table output, floats in their shortest round-trip form with a <c>.0</c> when whole (<c>1.0</c>, <c>1e-05</c>,
/// <c>1e+16</c>), timestamps in ISO 8601 with the offset (<c>2024-01-31T12:00:00+00:00</c>).
/// </summary>
internal static class Scalars
{
    /// <summary>A value as Python's <c>str()</c> shows it (text and table output).</summary>
    public static string Str(JsonNode? node) => node switch
    {
        null => "None",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => FloatRepr(d),
        _ => node.ToJsonString(),
    };

    /// <summary>Whether a node is a scalar (not an object or a list); null is a scalar.</summary>
    public static bool IsScalar(JsonNode? node) => node is null or JsonValue;

    /// <summary>A double as Python's <c>repr()</c> writes it.</summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }
        // The shortest round-trip digits and the decimal exponent, then laid out as Python does:
        // positional when 1e-4 <= |x| < 1e16, scientific otherwise.
        var (digits, exponent) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var sb = new StringBuilder();
        if (value < 0)
        {
            sb.Append('-');
        }
        if (exponent is >= -4 and < 16)
        {
            if (exponent < 0)
            {
                sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
            else if (digits.Length <= exponent + 1)
            {
                sb.Append(digits).Append('0', exponent + 1 - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }
            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>A timestamp as Python's <c>datetime.isoformat()</c> writes it (microseconds only when not zero).</summary>
    public static string IsoTimestamp(DateTimeOffset value)
    {
        var micro = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (micro != 0)
        {
            text += "." + micro.ToString("000000", CultureInfo.InvariantCulture);
        }
        return text + value.ToString("zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>A string as a JSON literal, escaped as Python's <c>json.dumps(..., ensure_ascii=False)</c> escapes it.</summary>
    public static void AppendJsonString(StringBuilder sb, string value)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(value);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }

    /// <summary>A scalar as a JSON literal, the way Python's json module writes it.</summary>
    public static string JsonLiteral(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonValue v when v.TryGetValue<string>(out var s):
                var sb = new StringBuilder(s.Length + 2);
                AppendJsonString(sb, s);
                return sb.ToString();
            case JsonValue v when v.TryGetValue<bool>(out var b):
                return b ? "true" : "false";
            case JsonValue v when v.TryGetValue<long>(out var l):
                return l.ToString(CultureInfo.InvariantCulture);
            case JsonValue v when v.TryGetValue<double>(out var d):
                return FloatRepr(d);
            default:
                return node.ToJsonString();
        }
    }

    /// <summary>Splits a round-trip number ("1.5E-05", "123.25") into its significant digits and decimal exponent.</summary>
    private static (string Digits, int Exponent) Decompose(string shortest)
    {
        string mantissa;
        int exponent;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = shortest;
            exponent = 0;
        }
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        var all = intPart + fracPart;
        var leading = all.Length - all.TrimStart('0').Length;
        var digits = all.TrimStart('0').TrimEnd('0');
        if (digits.Length == 0)
        {
            return ("0", 0);
        }
        // Position of the first significant digit relative to the decimal point.
        exponent += intPart.Length - 1 - leading;
        return (digits, exponent);
    }
}
