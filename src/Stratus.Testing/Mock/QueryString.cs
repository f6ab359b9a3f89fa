namespace Stratus.Testing.Mock;

/// <summary>Parses a URL's query into decoded pairs, keeping order; a bare key has a null value.</summary>
internal static class QueryString
{
    public static List<KeyValuePair<string, string?>> Parse(string query)
    {
        var result = new List<KeyValuePair<string, string?>>();
        var q = query.StartsWith('?') ? query[1..] : query;
        foreach (var part in q.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            result.Add(eq < 0
                ? new(Decode(part), null)
                : new(Decode(part[..eq]), Decode(part[(eq + 1)..])));
        }
        return result;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
