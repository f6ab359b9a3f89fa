namespace Stratus.Storage;

/// <summary>
/// Keys in the order object stores list them: by Unicode code point, which is UTF-8 byte order (S3's order).
/// It differs from <see cref="StringComparer.Ordinal"/> (UTF-16 units) only for characters above U+FFFF
/// against those from U+E000 to U+FFFF.
/// </summary>
internal sealed class KeyOrder : IComparer<string>
{
    public static readonly KeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var a = x.EnumerateRunes();
        var b = y.EnumerateRunes();
        while (true)
        {
            var hasA = a.MoveNext();
            var hasB = b.MoveNext();
            if (!hasA || !hasB)
            {
                return hasA ? 1 : hasB ? -1 : 0;
            }
            var c = a.Current.Value.CompareTo(b.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }
}
