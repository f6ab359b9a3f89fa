using System.Buffers;
using System.Text;

namespace Stratus.Protocols;

/// <summary>Percent-encoding as AWS signs and sends it: unreserved characters are A–Z a–z 0–9 - _ . ~.</summary>
public static class UriEncoding
{
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

    /// <summary>Encodes a value; characters in <paramref name="safe"/> are kept as they are (for example "/" for greedy labels).</summary>
    public static string Encode(string value, string safe = "")
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAnyExcept(Unreserved) < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 16);
        Append(sb, value, safe);
        return sb.ToString();
    }

    /// <summary>Appends an encoded value.</summary>
    public static void Append(StringBuilder sb, string value, string safe)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (Unreserved.Contains(c) || (safe.Length > 0 && safe.Contains(c, StringComparison.Ordinal)))
            {
                sb.Append(c);
                continue;
            }
            int n;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                n = Encoding.UTF8.GetBytes(value.AsSpan(i, 2), utf8);
                i++;
            }
            else
            {
                n = Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
            }
            for (var j = 0; j < n; j++)
            {
                sb.Append('%').Append(HexUpper[utf8[j] >> 4]).Append(HexUpper[utf8[j] & 0xF]);
            }
        }
    }

    private const string HexUpper = "0123456789ABCDEF";
}
