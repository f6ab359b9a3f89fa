namespace Stratus.Client;

/// <summary>
/// The cancellation source that bounds one attempt. Linked to the caller's token when it can be cancelled;
/// otherwise a plain source, reused by the thread's next attempt once reset (a source and its timer cost as
/// much as the rest of a small call's glue).
/// </summary>
internal static class AttemptTimeout
{
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;

    /// <summary>A source for an attempt under <paramref name="cancellationToken"/>.</summary>
    public static CancellationTokenSource Rent(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            return CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }
        var spare = t_spare;
        t_spare = null;
        return spare ?? new CancellationTokenSource();
    }

    /// <summary>
    /// Ends an attempt's use of a source. When <paramref name="reusable"/> (nothing handed out still watches it)
    /// and it can be reset (it did not fire), it is kept for the next attempt; otherwise it is disposed.
    /// </summary>
    public static void Return(CancellationTokenSource source, bool reusable)
    {
        // TryReset stops the timer and drops any registration left; a linked source is never kept (it watches the caller's token).
        if (reusable && source.GetType() == typeof(CancellationTokenSource) && source.TryReset())
        {
            t_spare = source;
            return;
        }
        source.Dispose();
    }
}
