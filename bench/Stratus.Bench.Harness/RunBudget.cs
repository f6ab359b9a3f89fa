namespace Stratus.Bench.Harness;

/// <summary>
/// How long each measurement runs: enough requests to fill <see cref="Seconds"/>, within bounds. The 64 MiB
/// scenarios have bounds of their own: at a few requests per second, the small scenarios' minimum of 200
/// would make each of their cells run for a minute.
/// </summary>
public sealed record RunBudget(double WarmupSeconds, double Seconds, int MinRequests, int MaxRequests, int LargeMinRequests, int LargeMaxRequests)
{
    /// <summary>For a quiet machine: about 3 s per cell after 1 s of warm-up (64 MiB cells: at least two rounds of 16).</summary>
    public static readonly RunBudget Full = new(1.0, 3.0, 200, 200_000, 32, 400);

    /// <summary>To check that everything runs: a few hundred small requests, a few large ones.</summary>
    public static readonly RunBudget Quick = new(0.3, 0.3, 32, 400, 16, 16);
}
