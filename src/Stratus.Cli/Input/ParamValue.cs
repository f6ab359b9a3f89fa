namespace Stratus.Cli.Input;

/// <summary>A command-line value after <c>file://</c> and <c>fileb://</c> are resolved: text, or raw bytes.</summary>
internal readonly record struct ParamValue(string Text, byte[]? Bytes)
{
    /// <summary>Whether the value came from <c>fileb://</c> (raw bytes, not text).</summary>
    public bool IsBinary => Bytes is not null;

    /// <summary>A text value.</summary>
    public static ParamValue FromText(string text) => new(text, null);
}
