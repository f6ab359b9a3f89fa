namespace Stratus.Models;

/// <summary>Close names for "did you mean" messages: same letters in other case, prefixes, small edit distances.</summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> Find(string name, IEnumerable<string> candidates, int max = 5)
    {
        var target = name.ToLowerInvariant();
        var limit = Math.Max(2, target.Length / 3);
        return candidates
            .Select(c => (Name: c, Score: Score(target, c.ToLowerInvariant(), limit)))
            .Where(x => x.Score <= limit)
            .OrderBy(x => x.Score).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToArray();
    }

    private static int Score(string target, string candidate, int limit)
    {
        if (target.Length == 0)
        {
            return int.MaxValue;
        }
        if (candidate == target)
        {
            return 0;
        }
        if (candidate.StartsWith(target, StringComparison.Ordinal) || target.StartsWith(candidate, StringComparison.Ordinal))
        {
            return 1;
        }
        return Math.Abs(candidate.Length - target.Length) > limit ? int.MaxValue : Levenshtein(target, candidate);
    }

    private static int Levenshtein(string a, string b)
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
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
