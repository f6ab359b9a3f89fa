namespace Quickstart;

/// <summary>Reports progress on the reporting thread (Progress&lt;T&gt; posts to the thread pool, so lines could interleave).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
