namespace Stratus.Waiters;

/// <summary>How long and how often a waiter polls. Unset values come from the waiter's definition.</summary>
public sealed record WaiterOptions
{
    /// <summary>The time between attempts. Default: the definition's <c>delay</c>.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>The most attempts, the first one included. Default: the definition's <c>maxAttempts</c>.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>The longest the whole wait may take; no attempt starts after it. Default: no limit besides <see cref="MaxAttempts"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
