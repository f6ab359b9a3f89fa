namespace Stratus.Bench.Harness;

/// <summary>How long each measurement runs: enough requests to fill <see cref="Seconds"/>, within bounds.</summary>
public sealed record RunBudget(double WarmupSeconds, double Seconds, int MinRequests, int MaxRequests, int LargeMaxRequests)
{
    /// <summary>For a quiet machine: about 3 s per cell after 1 s of warm-up.</summary>
    public static readonly RunBudget Full = new(1.0, 3.0, 200, 200_000, 400);

    /// <summary>To check that everything runs: a few hundred small requests, a few large ones.</summary>
    public static readonly RunBudget Quick = new(0.3, 0.3, 32, 400, 16);
}
