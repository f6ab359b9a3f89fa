namespace Stratus.Pipeline;

/// <summary>Exponential backoff with full jitter: a random delay in [0, min(base × 2^(attempt−1), cap)].</summary>
public static class Backoff
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan cap, double random)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromMilliseconds(random * Math.Min(exponential, cap.TotalMilliseconds));
    }
}
