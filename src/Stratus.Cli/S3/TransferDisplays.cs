namespace Stratus.Cli.S3;

/// <summary>Chooses how transfers are shown.</summary>
internal static class TransferDisplays
{
    /// <summary>Progress bars when standard output is a terminal (and not quiet); plain lines, as the AWS CLI prints them, otherwise.</summary>
    public static ITransferDisplay Create(bool quiet) =>
        quiet || Console.IsOutputRedirected ? new PlainDisplay() : new SpectreDisplay();
}
