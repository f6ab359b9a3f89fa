using System.Collections.Concurrent;

namespace Stratus.Endpoints.Rules;

/// <summary>
/// Resolutions by parameter values (one array per distinct set, in declaration order). Bounded: once more than
/// <c>capacity</c> sets have been added it starts over, which keeps memory flat when a caller sends unbounded
/// distinct values (for example S3 bucket names) while the common sets are re-cached at once. Thread-safe.
/// </summary>
internal sealed class ResolutionCache(int capacity)
{
    private readonly ConcurrentDictionary<object?[], Resolution> _entries = new(ValuesComparer.Instance);
    private int _count;

    public bool TryGet(object?[] values, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Resolution? resolution) =>
        _entries.TryGetValue(values, out resolution);

    public void Add(object?[] values, Resolution resolution)
    {
        if (capacity <= 0 || !_entries.TryAdd(values, resolution))
        {
            return;
        }
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Exchange(ref _count, 0);
            _entries.Clear();
        }
    }

    private sealed class ValuesComparer : IEqualityComparer<object?[]>
    {
        public static readonly ValuesComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }
            if (x is null || y is null || x.Length != y.Length)
            {
                return false;
            }
            for (var i = 0; i < x.Length; i++)
            {
                var equal = (x[i], y[i]) switch
                {
                    (null, null) => true,
                    (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
                    (bool a, bool b) => a == b,
                    (string[] a, string[] b) => a.AsSpan().SequenceEqual(b),
                    _ => false,
                };
                if (!equal)
                {
                    return false;
                }
            }
            return true;
        }

        public int GetHashCode(object?[] obj)
        {
            var hash = new HashCode();
            foreach (var value in obj)
            {
                switch (value)
                {
                    case string s:
                        hash.Add(s, StringComparer.Ordinal);
                        break;
                    case string[] array:
                        hash.Add(array.Length);
                        foreach (var s in array)
                        {
                            hash.Add(s, StringComparer.Ordinal);
                        }
                        break;
                    default:
                        hash.Add(value);
                        break;
                }
            }
            return hash.ToHashCode();
        }
    }
}
