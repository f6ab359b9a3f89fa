using System.Text;

namespace Stratus.OpenStack.Storage;

/// <summary>
/// Swift's listing order: names compared as UTF-8 bytes, that is by code point. Ordinal UTF-16 order differs for
/// characters above U+FFFF against U+E000–U+FFFF, and a page's last name (the next marker) must be Swift's last.
/// </summary>
internal static class SwiftNameOrder
{
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            Rune.DecodeFromUtf16(a.AsSpan(i), out var x, out var m);
            Rune.DecodeFromUtf16(b.AsSpan(j), out var y, out var n);
            if (x.Value != y.Value)
            {
                return x.Value.CompareTo(y.Value);
            }
            i += m;
            j += n;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }
}
