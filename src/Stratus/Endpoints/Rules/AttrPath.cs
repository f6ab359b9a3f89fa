namespace Stratus.Endpoints.Rules;

/// <summary>
/// A parsed <c>getAttr</c> path such as <c>resourceId[1]</c>, <c>a.b</c> or <c>[0]</c>: property names separated
/// by dots, each optionally followed by <c>[n]</c> indexes. A missing property or an index out of range gives
/// <see langword="null"/>.
/// </summary>
internal sealed class AttrPath
{
    private readonly string?[] _names;
    private readonly int[] _indexes;

    private AttrPath(string?[] names, int[] indexes)
    {
        _names = names;
        _indexes = indexes;
    }

    /// <summary>Parses a path.</summary>
    /// <exception cref="InvalidDataException">The path is malformed.</exception>
    public static AttrPath Parse(string path)
    {
        var names = new List<string?>();
        var indexes = new List<int>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                names.Add(name);
                indexes.Add(-1);
            }
            else if (bracket != 0)
            {
                throw new InvalidDataException($"Invalid getAttr path '{path}'.");
            }
            var rest = bracket < 0 ? "" : part[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 2 || !int.TryParse(rest.AsSpan(1, close - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    throw new InvalidDataException($"Invalid getAttr path '{path}'.");
                }
                names.Add(null);
                indexes.Add(index);
                rest = rest[(close + 1)..];
            }
        }
        if (names.Count == 0)
        {
            throw new InvalidDataException("Empty getAttr path.");
        }
        return new AttrPath([.. names], [.. indexes]);
    }

    /// <summary>Follows the path from <paramref name="value"/>.</summary>
    public object? Apply(object? value)
    {
        for (var i = 0; i < _names.Length && value is not null; i++)
        {
            value = _names[i] is { } name
                ? (value is IReadOnlyDictionary<string, object?> record && record.TryGetValue(name, out var v) ? v : null)
                : (value is string[] array && _indexes[i] < array.Length ? array[_indexes[i]] : null);
        }
        return value;
    }
}
