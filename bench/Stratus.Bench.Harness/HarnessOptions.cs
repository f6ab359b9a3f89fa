namespace Stratus.Bench.Harness;

/// <summary>The harness's command line.</summary>
public sealed record HarnessOptions
{
    public bool Quick { get; init; }
    public string EndpointDll { get; init; } = "";
    public string Output { get; init; } = "RESULTS.md";
    public string? StartupManifest { get; init; }
    public string? MicroResults { get; init; }
    public string? Label { get; init; }
    public string? Commit { get; init; }
    public int[] Concurrency { get; init; } = [1, 16];
    public string[] Clients { get; init; } = ["floor", "Stratus", "AWS SDK"];
    public string? ScenarioFilter { get; init; }

    public RunBudget Budget => Quick ? RunBudget.Quick : RunBudget.Full;

    public int StartupRuns => Quick ? 3 : 10;

    public static HarnessOptions Parse(string[] args)
    {
        var o = new HarnessOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--quick" => o with { Quick = true },
                "--endpoint" => o with { EndpointDll = Next() },
                "--out" => o with { Output = Next() },
                "--startup" => o with { StartupManifest = Next() },
                "--micro" => o with { MicroResults = Next() },
                "--label" => o with { Label = Next() },
                "--commit" => o with { Commit = Next() },
                "--concurrency" => o with { Concurrency = Next().Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray() },
                "--clients" => o with { Clients = Next().Split(',') },
                "--scenarios" => o with { ScenarioFilter = Next() },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }
        if (o.EndpointDll.Length == 0)
        {
            o = o with { EndpointDll = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Stratus.Bench.Endpoint", "bin", "Release", "net10.0", "Stratus.Bench.Endpoint.dll") };
        }
        return o;
    }
}
