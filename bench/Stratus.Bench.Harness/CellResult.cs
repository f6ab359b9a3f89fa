namespace Stratus.Bench.Harness;

/// <summary>One client on one scenario at one concurrency.</summary>
public sealed record CellResult(
    string Client,
    Scenario Scenario,
    int Concurrency,
    int Requests,
    double Seconds,
    double P50Ms,
    double P99Ms,
    double CpuUsPerRequest,
    double AllocBytesPerRequest,
    double EndpointCpuUsPerRequest)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>Payload bytes per second (for the 64 MiB scenarios).</summary>
    public double BytesPerSecond => Scenario.PayloadBytes * RequestsPerSecond;
}
