namespace Stratus.Pipeline;

/// <summary>The retry modes of the AWS SDKs.</summary>
public enum RetryMode
{
    /// <summary>Exponential backoff with full jitter capped at 20 s, and a retry quota.</summary>
    Standard,
    /// <summary>Standard, plus client-side rate limiting that slows down when the service throttles.</summary>
    Adaptive,
}
