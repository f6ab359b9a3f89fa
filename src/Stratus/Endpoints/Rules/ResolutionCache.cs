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

    /// <summary>Compares parameter values slot by slot (strings ordinally, booleans, string arrays item by item).</summary>
    internal sealed class ValuesComparer : IEqualityComparer<object?[]>
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
                var a = x[i];
                var b = y[i];
                // Booleans are the shared boxes of RuleValues, so most equal values are the same reference.
                if (ReferenceEquals(a, b))
                {
                    continue;
                }
                var equal = a switch
                {
                    string s => b is string t && string.Equals(s, t, StringComparison.Ordinal),
                    bool f => b is bool g && f == g,
                    string[] array => b is string[] other && array.AsSpan().SequenceEqual(other),
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
            var hash = obj.Length;
            foreach (var value in obj)
            {
                hash = (hash * 31) + value switch
                {
                    null => 0,
                    string s => s.GetHashCode(StringComparison.Ordinal),
                    bool b => b ? 1 : 2,
                    string[] array => array.Length == 0 ? 3 : array[0].GetHashCode(StringComparison.Ordinal) ^ array.Length,
                    _ => 4,
                };
            }
            return hash;
        }
    }
}
