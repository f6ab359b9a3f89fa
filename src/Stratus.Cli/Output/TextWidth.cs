namespace Stratus.Cli.Output;

/// <summary>
/// How many columns the AWS CLI's tables give text: two for East Asian wide, full-width and ambiguous characters
/// (so <c>é</c> counts two, as it does there), one otherwise.
/// </summary>
internal static class TextWidth
{
    /// <summary>The width of <paramref name="text"/>.</summary>
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += EastAsianWidth.IsWide(rune.Value) ? 2 : 1;
        }
        return width;
    }
}
