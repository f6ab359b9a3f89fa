namespace Stratus.Testing.Services.S3;

/// <summary>A bucket's objects by key, with the keys kept in S3's listing order for ranged walks. Not thread-safe.</summary>
internal sealed class S3ObjectTable
{
    private readonly Dictionary<string, S3Object> _byKey = new(StringComparer.Ordinal);
    private readonly List<string> _sorted = [];

    public int Count => _sorted.Count;

    public IEnumerable<S3Object> Values => _sorted.Select(k => _byKey[k]);

    public bool TryGet(string key, out S3Object value) => _byKey.TryGetValue(key, out value!);

    /// <summary>Adds or replaces an object; returns the one it replaced.</summary>
    public S3Object? Set(S3Object value)
    {
        if (_byKey.TryGetValue(value.Key, out var previous))
        {
            _byKey[value.Key] = value;
            return previous;
        }
        _byKey[value.Key] = value;
        var i = _sorted.BinarySearch(value.Key, S3KeyComparer.Instance);
        _sorted.Insert(~i, value.Key);
        return null;
    }

    /// <summary>Removes an object; returns it, or null when absent.</summary>
    public S3Object? Remove(string key)
    {
        if (!_byKey.Remove(key, out var previous))
        {
            return null;
        }
        _sorted.RemoveAt(_sorted.BinarySearch(key, S3KeyComparer.Instance));
        return previous;
    }

    /// <summary>The object at a position in listing order.</summary>
    public S3Object At(int index) => _byKey[_sorted[index]];

    /// <summary>The first position whose key is at least <paramref name="key"/> (or greater, when <paramref name="exclusive"/>).</summary>
    public int Position(string key, bool exclusive)
    {
        var i = _sorted.BinarySearch(key, S3KeyComparer.Instance);
        return i >= 0 ? (exclusive ? i + 1 : i) : ~i;
    }
}
