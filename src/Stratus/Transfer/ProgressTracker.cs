namespace Stratus.Transfer;

/// <summary>Adds up the bytes of a transfer and reports them in order: reports are made under a lock, so counts only grow.</summary>
internal sealed class ProgressTracker(IProgress<TransferProgress>? progress, long? total)
{
    private readonly Lock _gate = new();
    private long _done;

    public long? Total { get; set; } = total;

    public long Done
    {
        get
        {
            lock (_gate)
            {
                return _done;
            }
        }
    }

    public void Add(long bytes)
    {
        if (bytes <= 0)
        {
            return;
        }
        lock (_gate)
        {
            _done += bytes;
            progress?.Report(new TransferProgress(_done, Total));
        }
    }
}
