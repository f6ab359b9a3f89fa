using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

/// <summary>
/// The Filters of a Describe call: filters are joined with AND, a filter's values with OR; values are
/// case-sensitive and may use the wildcards <c>*</c> and <c>?</c> (escaped with a backslash). An unknown
/// filter name is an error, as on EC2. Tag filters: <c>tag:&lt;key&gt;</c>, <c>tag-key</c>, <c>tag-value</c>.
/// </summary>
internal sealed class Filters
{
    private readonly List<(string Name, string[] Values)> _items;

    private Filters(List<(string Name, string[] Values)> items) => _items = items;

    /// <summary>Reads the input's <c>Filters</c> member (<c>[{Name, Values}]</c>).</summary>
    public static Filters Parse(JsonObject input)
    {
        var items = new List<(string, string[])>();
        foreach (var filter in Ec2Input.Objects(input, "Filters"))
        {
            var name = Ec2Input.String(filter, "Name") ?? throw Ec2Errors.Missing("Filter.Name");
            items.Add((name, Ec2Input.Strings(filter, "Values").ToArray()));
        }
        return new Filters(items);
    }

    /// <summary>
    /// Checks every filter name against <paramref name="fields"/> (and tag filters when <paramref name="tags"/> is given)
    /// and returns the predicate the filters define.
    /// </summary>
    public Func<T, bool> Compile<T>(IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> fields, Func<T, Tags>? tags)
    {
        var tests = new List<Func<T, bool>>();
        foreach (var (name, values) in _items)
        {
            Func<T, IEnumerable<string?>> field;
            if (fields.TryGetValue(name, out var known))
            {
                field = known;
            }
            else if (tags is not null && name.StartsWith("tag:", StringComparison.Ordinal) && name.Length > 4)
            {
                var key = name[4..];
                field = r => [tags(r).Get(key)];
            }
            else if (tags is not null && name == "tag-key")
            {
                field = r => tags(r).Items.Select(t => (string?)t.Key);
            }
            else if (tags is not null && name == "tag-value")
            {
                field = r => tags(r).Items.Select(t => (string?)t.Value);
            }
            else
            {
                throw Ec2Errors.InvalidFilter(name);
            }
            tests.Add(r => field(r).Any(actual => actual is not null && values.Any(pattern => Matches(pattern, actual))));
        }
        return r => tests.TrueForAll(test => test(r));
    }

    /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/> (<c>*</c> any run, <c>?</c> any one character, <c>\</c> escapes).</summary>
    public static bool Matches(string pattern, string value)
    {
        // Pattern tokens: a literal character, or a wildcard ('*' or '?' unescaped).
        var tokens = new List<(char C, bool Wild)>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add((pattern[++i], false));
            }
            else
            {
                tokens.Add((pattern[i], pattern[i] is '*' or '?'));
            }
        }
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < tokens.Count && (tokens[p] is ('?', true) || (!tokens[p].Wild && tokens[p].C == value[v])))
            {
                p++;
                v++;
            }
            else if (p < tokens.Count && tokens[p] is ('*', true))
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < tokens.Count && tokens[p] is ('*', true))
        {
            p++;
        }
        return p == tokens.Count;
    }
}
