namespace Stratus.Pipeline;

/// <summary>
/// The standard retry quota: retries draw from a shared bucket, successes refill it, so a failing
/// service gets fewer and fewer retries instead of a retry storm. Thread-safe.
/// </summary>
public sealed class RetryQuota
{
    /// <summary>What a retry costs.</summary>
    public const int RetryCost = 5;
    /// <summary>What a retry after a timeout or connection error costs.</summary>
    public const int TimeoutRetryCost = 10;
    /// <summary>What a success without retry gives back.</summary>
    public const int NoRetryIncrement = 1;

    private readonly int _capacity;
    private int _available;

    /// <summary>Creates a full quota.</summary>
    public RetryQuota(int capacity)
    {
        _capacity = capacity;
        _available = capacity;
    }

    /// <summary>The tokens left.</summary>
    public int Available => Volatile.Read(ref _available);

    /// <summary>Takes the cost of a retry; false when the quota is exhausted.</summary>
    public bool TryAcquire(int cost)
    {
        while (true)
        {
            var current = Volatile.Read(ref _available);
            if (current < cost)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _available, current - cost, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Gives tokens back (after a success), up to the capacity.</summary>
    public void Release(int amount)
    {
        while (true)
        {
            var current = Volatile.Read(ref _available);
            var next = Math.Min(_capacity, current + amount);
            if (Interlocked.CompareExchange(ref _available, next, current) == current)
            {
                return;
            }
        }
    }
}
