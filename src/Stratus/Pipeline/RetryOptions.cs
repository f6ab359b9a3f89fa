using System.Globalization;

namespace Stratus.Pipeline;

/// <summary>How failed attempts are retried. Defaults come from <c>AWS_RETRY_MODE</c> and <c>AWS_MAX_ATTEMPTS</c>.</summary>
public sealed class RetryOptions
{
    /// <summary>The retry mode. Default: <c>AWS_RETRY_MODE</c>, else standard.</summary>
    public RetryMode Mode { get; set; } = ParseMode(Environment.GetEnvironmentVariable("AWS_RETRY_MODE")) ?? RetryMode.Standard;

    /// <summary>The most attempts per call, the first included. Default: <c>AWS_MAX_ATTEMPTS</c>, else 3.</summary>
    public int MaxAttempts { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 3;

    /// <summary>The base of the exponential backoff. Default: 1 s (as the AWS SDKs' standard mode).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap on one backoff delay. Default: 20 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The retry quota's capacity (tokens; a retry costs 5, after a timeout 10). Default: 500.</summary>
    public int QuotaCapacity { get; set; } = 500;

    /// <summary>Reads a mode name (<c>standard</c>, <c>adaptive</c>; <c>legacy</c> is treated as standard).</summary>
    public static RetryMode? ParseMode(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "standard" or "legacy" => RetryMode.Standard,
        "adaptive" => RetryMode.Adaptive,
        _ => null,
    };
}
