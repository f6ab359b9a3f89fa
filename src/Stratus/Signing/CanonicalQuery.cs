using Stratus.Protocols;

namespace Stratus.Signing;

/// <summary>The canonical query string of SigV4: every pair encoded, sorted by key then value, a bare key given an empty value.</summary>
public static class CanonicalQuery
{
    /// <summary>Builds the canonical query string from raw (not encoded) pairs.</summary>
    public static string Build(IEnumerable<KeyValuePair<string, string?>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.TryGetNonEnumeratedCount(out var count))
        {
            count = 4;
        }
        else if (count == 0)
        {
            return "";
        }
        var pairs = new List<(string Key, string Value)>(count);
        foreach (var (key, value) in query)
        {
            pairs.Add((UriEncoding.Encode(key), UriEncoding.Encode(value ?? "")));
        }
        if (pairs.Count == 0)
        {
            return "";
        }
        pairs.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Key, b.Key);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(static p => p.Key + "=" + p.Value));
    }
}
