using Stratus.Transfer;

namespace Stratus.Cli.S3;

/// <summary>How transfers are shown: progress bars on a terminal, plain lines otherwise.</summary>
internal interface ITransferDisplay : IAsyncDisposable
{
    /// <summary>A transfer starts; the progress to report to (null when progress is not shown).</summary>
    IProgress<TransferProgress>? Start(string description, long size);

    /// <summary>The transfer started as <paramref name="progress"/> ended.</summary>
    void Finish(IProgress<TransferProgress>? progress);

    /// <summary>Writes one line of output (callers serialize).</summary>
    void WriteLine(string text, TextWriter stdout);
}

/// <summary>Plain lines, as the AWS CLI prints when its output is not a terminal.</summary>
internal sealed class PlainDisplay : ITransferDisplay
{
    public IProgress<TransferProgress>? Start(string description, long size) => null;

    public void Finish(IProgress<TransferProgress>? progress)
    {
    }

    public void WriteLine(string text, TextWriter stdout) => stdout.Write(text + "\n");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
