using System.Text.Json.Nodes;

namespace Stratus.Client;

/// <summary>What one attempt produced: a result, or an error with what the retry logic needs to judge it.</summary>
internal sealed record AttemptOutcome(string Operation, JsonObject? Result, StratusException? Error, int StatusCode)
{
    /// <summary>The request never got a complete response (connection reset, timeout).</summary>
    public bool TransportFailure { get; init; }

    /// <summary>The server's Retry-After, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The server's Date header, for clock-skew correction.</summary>
    public DateTimeOffset? ServerDate { get; init; }

    /// <summary>The request id the service sent, if any (for telemetry).</summary>
    public string? RequestId { get; init; }

    /// <summary>The response body's size (a streamed body's Content-Length), for telemetry.</summary>
    public long BytesReceived { get; init; }
}
