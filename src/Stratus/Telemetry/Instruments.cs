using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Stratus.Telemetry;

/// <summary>The process-wide source and meter; their instruments are created once.</summary>
internal static class Instruments
{
    public static readonly ActivitySource Source = new(StratusTelemetry.ActivitySourceName, typeof(Instruments).Assembly.GetName().Version?.ToString());
    public static readonly Meter Meter = new(StratusTelemetry.MeterName, typeof(Instruments).Assembly.GetName().Version?.ToString());

    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram(StratusTelemetry.CallDuration, "s", "The duration of Stratus calls, retries included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>(StratusTelemetry.Attempts, "{attempt}", "Requests sent by Stratus clients.");
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(StratusTelemetry.Errors, "{error}", "Stratus calls that failed after retries.");
    public static readonly Counter<long> BytesSent = Meter.CreateCounter<long>(StratusTelemetry.BytesSent, "By", "Request body bytes sent by Stratus clients.");
    public static readonly Counter<long> BytesReceived = Meter.CreateCounter<long>(StratusTelemetry.BytesReceived, "By", "Response body bytes received by Stratus clients.");

    /// <summary>Whether anyone listens to a span or an instrument; when not, a call does no telemetry work at all.</summary>
    public static bool Enabled =>
        Source.HasListeners() || CallDuration.Enabled || Attempts.Enabled || Errors.Enabled || BytesSent.Enabled || BytesReceived.Enabled;
}
