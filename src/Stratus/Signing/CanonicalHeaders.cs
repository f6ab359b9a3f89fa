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
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            var canonical = TrimAll(value);
            merged[key] = merged.TryGetValue(key, out var existing) ? existing + "," + canonical : canonical;
        }
        var block = new StringBuilder();
        var signed = new StringBuilder();
        foreach (var (name, value) in merged)
        {
            block.Append(name).Append(':').Append(value).Append('\n');
            if (signed.Length > 0)
            {
                signed.Append(';');
            }
            signed.Append(name);
        }
        return new CanonicalHeaders(block.ToString(), signed.ToString());
    }

    /// <summary>Trims a header value and collapses each inner run of whitespace (including folded line breaks) to one space.</summary>
    public static string TrimAll(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
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
}
