using System.Text;

namespace Stratus.Cli.Output;

/// <summary>How many terminal columns text takes: two for East Asian wide and full-width characters, one otherwise.</summary>
internal static class TextWidth
{
    /// <summary>The display width of <paramref name="text"/>.</summary>
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune) ? 2 : 1;
        }
        return width;
    }

    private static bool IsWide(Rune r)
    {
        var c = r.Value;
        return c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x20000 and <= 0x3FFFD);
    }
}
