namespace Stratus.Testing.Services.S3;

/// <summary>
/// Orders keys as S3 lists them: by the bytes of their UTF-8 encoding, which is code point order. Ordinal UTF-16
/// order differs only where a surrogate pair meets a code unit from U+E000 to U+FFFF, so those are swapped.
/// </summary>
internal sealed class S3KeyComparer : IComparer<string>
{
    public static readonly S3KeyComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
            {
                return Weight(a) - Weight(b);
            }
        }
        return x.Length - y.Length;
    }

    // Surrogates (D800-DFFF) encode code points above FFFF: move them above E000-FFFF.
    private static int Weight(char c) => c < 0xD800 ? c : c < 0xE000 ? c + 0x2000 : c - 0x800;
}
