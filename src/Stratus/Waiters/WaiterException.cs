using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Waiters;

/// <summary>A wait ended without success: a failure acceptor matched, an unexpected error came, attempts ran out, or time ran out.</summary>
public sealed class WaiterException : StratusException
{
    /// <summary>Creates the exception.</summary>
    public WaiterException(string waiterName, int attempts, WaiterState? lastState, string reason, JsonObject? lastResponse, Exception? lastError)
        : base($"Waiter {waiterName} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}: {reason}", lastError)
    {
        WaiterName = waiterName;
        Attempts = attempts;
        LastState = lastState;
        Reason = reason;
        LastResponse = lastResponse;
    }

    /// <summary>The waiter, for example <c>BucketExists</c>.</summary>
    public string WaiterName { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>The state of the last attempt (<see cref="WaiterState.Failure"/> when an acceptor or an unexpected error failed it; null when none matched).</summary>
    public WaiterState? LastState { get; }

    /// <summary>Why the wait ended, for example <c>max attempts (20) exceeded</c>.</summary>
    public string Reason { get; }

    /// <summary>The last successful response, if the last attempt had one.</summary>
    public JsonObject? LastResponse { get; }

    /// <summary>The service's error of the last attempt, if any (also <see cref="Exception.InnerException"/>).</summary>
    public ServiceException? LastError => InnerException as ServiceException;
}
