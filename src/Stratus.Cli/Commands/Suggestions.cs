namespace Stratus.Cli.Commands;

/// <summary>Close names for a mistyped command: those containing it or contained in it, then the fewest edits away.</summary>
internal static class Suggestions
{
    /// <summary>Up to <paramref name="max"/> candidates close to <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> Find(string name, IEnumerable<string> candidates, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var scored = candidates
            .Select(c => (Name: c, Score: c.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(c, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(name, c)))
            .Where(c => c.Score <= Math.Max(2, name.Length / 3))
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Name.Length)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
        return scored;
    }

    /// <summary>A hint sentence, or "" when nothing is close.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
    {
        var close = Find(name, candidates);
        return close.Count == 0 ? "" : $" Did you mean: {string.Join(", ", close)}?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
