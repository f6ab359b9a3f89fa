using System.Text;

namespace Stratus.Signing;

/// <summary>
/// The canonical headers of SigV4 (each <c>name:value\n</c>, names lowercased and sorted, values trimmed with
/// inner whitespace runs collapsed) and the matching signed-header list (<c>a;b;c</c>).
/// </summary>
/// <param name="Canonical">The canonical header block, each line ending in '\n'.</param>
/// <param name="Signed">The signed header names, lowercased, sorted, joined with ';'.</param>
public readonly record struct CanonicalHeaders(string Canonical, string Signed)
{
    /// <summary>
    /// Builds both from the headers to sign. Names repeated (in any case) are merged, values joined
    /// with ',' in order.
    /// </summary>
    public static CanonicalHeaders Build(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var sorted = new List<KeyValuePair<string, string>>(headers.TryGetNonEnumeratedCount(out var count) ? count : 8);
        foreach (var (name, value) in headers)
        {
            Add(sorted, name, value);
        }
        return Render(sorted);
    }

    /// <summary>
    /// Adds a header to <paramref name="sorted"/> (lowercased names, in ordinal order, each once), its name
    /// lowercased and its value trimmed; a name already there gets the value appended after a ','.
    /// </summary>
    internal static void Add(List<KeyValuePair<string, string>> sorted, string name, string value)
    {
        var key = Lowercase(name.Trim());
        var canonical = TrimAll(value);
        // Few headers: an insertion sort that keeps repeated names in order is cheaper than a sorted dictionary.
        var i = sorted.Count;
        while (i > 0 && string.CompareOrdinal(sorted[i - 1].Key, key) > 0)
        {
            i--;
        }
        if (i > 0 && string.Equals(sorted[i - 1].Key, key, StringComparison.Ordinal))
        {
            sorted[i - 1] = new(key, sorted[i - 1].Value + "," + canonical);
        }
        else
        {
            sorted.Insert(i, new(key, canonical));
        }
    }

    /// <summary>The canonical block and signed list of headers <see cref="Add"/> collected.</summary>
    internal static CanonicalHeaders Render(List<KeyValuePair<string, string>> sorted) =>
        sorted.Count == 0 ? new CanonicalHeaders("", "") : new CanonicalHeaders(RenderBlock(sorted), RenderSigned(sorted));

    /// <summary>The canonical block (<c>name:value\n</c> each) of headers <see cref="Add"/> collected.</summary>
    internal static string RenderBlock(List<KeyValuePair<string, string>> sorted)
    {
        if (sorted.Count == 0)
        {
            return "";
        }
        return string.Create(BlockLength(sorted), sorted, static (span, list) => WriteBlock(span, list));
    }

    /// <summary>The length of the canonical block.</summary>
    internal static int BlockLength(List<KeyValuePair<string, string>> sorted)
    {
        var length = 0;
        foreach (var (name, value) in sorted)
        {
            length += name.Length + value.Length + 2;
        }
        return length;
    }

    /// <summary>Writes the canonical block into <paramref name="span"/> (at least <see cref="BlockLength"/> long).</summary>
    internal static void WriteBlock(Span<char> span, List<KeyValuePair<string, string>> sorted)
    {
        foreach (var (name, value) in sorted)
        {
            name.CopyTo(span);
            span[name.Length] = ':';
            span = span[(name.Length + 1)..];
            value.CopyTo(span);
            span[value.Length] = '\n';
            span = span[(value.Length + 1)..];
        }
    }

    /// <summary>The signed header list (<c>a;b;c</c>) of headers <see cref="Add"/> collected.</summary>
    internal static string RenderSigned(List<KeyValuePair<string, string>> sorted)
    {
        if (sorted.Count == 0)
        {
            return "";
        }
        var signedLength = sorted.Count - 1;
        foreach (var (name, _) in sorted)
        {
            signedLength += name.Length;
        }
        return string.Create(signedLength, sorted, static (span, list) =>
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    span[0] = ';';
                    span = span[1..];
                }
                list[i].Key.CopyTo(span);
                span = span[list[i].Key.Length..];
            }
        });
    }

    // The headers signers add and clients send most are lowercased once, not per request.
    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> CommonNames =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
        new[]
        {
            "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token", "X-Amz-Region-Set", "X-Amz-Target", "X-Amz-User-Agent",
            "X-Amz-Decoded-Content-Length", "X-Amz-Checksum-CRC32", "X-Amz-Checksum-CRC32C", "X-Amz-Sdk-Checksum-Algorithm",
            "Content-Type", "Content-Length", "Content-MD5", "Content-Encoding", "Content-Disposition", "Content-Language",
            "Cache-Control", "Expires", "Host", "Range", "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since",
            "Accept", "Accept-Encoding", "Date",
        }, static n => n, static n => n.ToLowerInvariant(), StringComparer.Ordinal);

    private static string Lowercase(string name) => CommonNames.TryGetValue(name, out var lower) ? lower : name.ToLowerInvariant();

    /// <summary>Trims a header value and collapses each inner run of whitespace (including folded line breaks) to one space.</summary>
    public static string TrimAll(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsTrimmed(value))
        {
            return value;
        }
        var span = value.AsSpan().Trim();
        var sb = new StringBuilder(span.Length);
        var inSpace = false;
        foreach (var c in span)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                inSpace = true;
                continue;
            }
            if (inSpace)
            {
                sb.Append(' ');
                inSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> LineWhitespace = System.Buffers.SearchValues.Create("\t\r\n");

    // Nothing to trim or collapse: no whitespace at either end, no tab or line break, no two spaces in a row.
    private static bool IsTrimmed(string value) =>
        value.Length == 0
        || (!char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1])
            && !value.AsSpan().ContainsAny(LineWhitespace) && !value.Contains("  ", StringComparison.Ordinal));
}
