namespace Stratus.Client;

/// <summary>Decides whether an error is worth retrying, as the AWS SDKs' standard retry mode does.</summary>
public static class ErrorClassifier
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable", "IDPCommunicationError",
    };

    /// <summary>Whether the error code says the client is being throttled.</summary>
    public static bool IsThrottling(string code) => Throttling.Contains(code);

    /// <summary>Whether an error with this status and code may succeed when sent again.</summary>
    public static bool IsRetryable(int statusCode, string code) =>
        statusCode is 429 or 500 or 502 or 503 or 504 || Throttling.Contains(code) || Transient.Contains(code);
}
