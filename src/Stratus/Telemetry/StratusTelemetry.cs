using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Stratus.Telemetry;

/// <summary>
/// The names under which Stratus reports traces and metrics, for an exporter to subscribe to (for example
/// OpenTelemetry's <c>AddSource(StratusTelemetry.ActivitySourceName)</c> and <c>AddMeter(StratusTelemetry.MeterName)</c>).
/// Each call is a span named <c>{Service}.{Operation}</c> (kind Client) with a child span per attempt, tagged with
/// the OpenTelemetry semantic conventions for AWS SDK calls; the meter counts calls, attempts, errors and bytes.
/// Nothing is measured or allocated while nobody listens.
/// </summary>
public static class StratusTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> of call and attempt spans: <c>Stratus</c>.</summary>
    public const string ActivitySourceName = "Stratus";

    /// <summary>The name of the <see cref="Meter"/>: <c>Stratus</c>.</summary>
    public const string MeterName = "Stratus";

    /// <summary>The histogram of call durations, in seconds, retries and backoff included.</summary>
    public const string CallDuration = "stratus.client.call.duration";

    /// <summary>The counter of attempts (one per request sent).</summary>
    public const string Attempts = "stratus.client.attempts";

    /// <summary>The counter of failed calls (after retries).</summary>
    public const string Errors = "stratus.client.errors";

    /// <summary>The counter of request body bytes sent.</summary>
    public const string BytesSent = "stratus.client.bytes_sent";

    /// <summary>The counter of response body bytes received (a streamed body counts by its Content-Length).</summary>
    public const string BytesReceived = "stratus.client.bytes_received";
}
