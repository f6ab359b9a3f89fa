namespace Stratus.Protocols;

/// <summary>
/// Makes strings of short values through a per-thread table, so the many repeated values and names of a large
/// response (states, types, zones, attribute names) share one string each instead of one per occurrence.
/// </summary>
internal static class SharedStrings
{
    /// <summary>Values up to this long are looked up; longer ones are mostly unique (ids, names, URLs).</summary>
    public const int ShortValue = 32;

    // Past this many distinct short values the table starts over, which keeps it small whatever the responses hold.
    private const int TableLimit = 4096;

    // The table is reached through its span lookup, kept with it: getting the lookup checks the comparer's
    // interfaces each time, which cost as much as the lookup.
    [ThreadStatic]
    private static Dictionary<string, string>? t_table;

    [ThreadStatic]
    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> t_lookup;

    /// <summary>A string of the characters: for a short value, the thread's shared one.</summary>
    public static string Get(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
        {
            return "";
        }
        if (value.Length > ShortValue)
        {
            return new string(value);
        }
        var table = t_table;
        if (table is null)
        {
            table = t_table = new Dictionary<string, string>(StringComparer.Ordinal);
            t_lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        if (t_lookup.TryGetValue(value, out var known))
        {
            return known;
        }
        if (table.Count >= TableLimit)
        {
            table.Clear();
        }
        var text = new string(value);
        table[text] = text;
        return text;
    }
}
