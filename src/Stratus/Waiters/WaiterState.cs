namespace Stratus.Waiters;

/// <summary>What an acceptor decides when it matches.</summary>
public enum WaiterState
{
    /// <summary>The wait is over: the resource reached the wanted state.</summary>
    Success,
    /// <summary>The wanted state cannot be reached any more; the wait fails at once.</summary>
    Failure,
    /// <summary>Not there yet: poll again after the delay.</summary>
    Retry,
}
