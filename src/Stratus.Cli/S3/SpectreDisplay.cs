using Spectre.Console;
using Stratus.Transfer;

namespace Stratus.Cli.S3;

/// <summary>
/// Progress bars (Spectre.Console) for a terminal: one bar per running transfer, removed when it ends, with the
/// AWS CLI's lines (<c>upload: ... to ...</c>) printed above them.
/// </summary>
internal sealed class SpectreDisplay : ITransferDisplay
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ProgressContext> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _run;

    public SpectreDisplay()
    {
        _run = AnsiConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                _ready.TrySetResult(context);
                await _done.Task.ConfigureAwait(false);
            });
    }

    public IProgress<TransferProgress>? Start(string description, long size)
    {
        if (!_ready.Task.Wait(TimeSpan.FromSeconds(5)))
        {
            return null;
        }
        var task = _ready.Task.Result.AddTask(Markup.Escape(description), maxValue: Math.Max(size, 1));
        return new Bar(task);
    }

    public void Finish(IProgress<TransferProgress>? progress)
    {
        if (progress is Bar bar)
        {
            bar.Task.Value = bar.Task.MaxValue;
            bar.Task.StopTask();
        }
    }

    public void WriteLine(string text, TextWriter stdout) => AnsiConsole.WriteLine(text);

    public async ValueTask DisposeAsync()
    {
        _done.TrySetResult();
        await _run.ConfigureAwait(false);
    }

    private sealed class Bar(ProgressTask task) : IProgress<TransferProgress>
    {
        public ProgressTask Task { get; } = task;

        public void Report(TransferProgress value) => Task.Value = value.BytesTransferred;
    }
}
