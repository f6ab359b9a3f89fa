namespace Stratus.Bench.Harness;

/// <summary>A target from the issue, checked against a ratio measured in the same run.</summary>
public sealed record Target(string What, string Scenario, string Concurrency, double Value, string Bound, bool Met)
{
    public static List<Target> Evaluate(IReadOnlyList<CellResult> cells, IReadOnlyList<StartupBench.Result> startup)
    {
        var targets = new List<Target>();
        CellResult? Cell(string client, Scenario s, int c) => cells.FirstOrDefault(r => r.Client == client && r.Scenario == s && r.Concurrency == c);
        foreach (var c in cells.Select(r => r.Concurrency).Distinct().Order())
        {
            foreach (var s in Harness.Scenario.All)
            {
                var stratus = Cell("Stratus", s, c);
                var floor = Cell("floor", s, c);
                var sdk = Cell("AWS SDK", s, c);
                if (stratus is null || floor is null)
                {
                    continue;
                }
                var cs = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var throughput = stratus.RequestsPerSecond / floor.RequestsPerSecond;
                switch (s.Kind)
                {
                    case ScenarioKind.Small:
                        targets.Add(new("throughput × floor", s.Name, cs, throughput, "≥ 0.8", throughput >= 0.8));
                        var cpu = stratus.CpuUsPerRequest / floor.CpuUsPerRequest;
                        targets.Add(new("CPU/request × floor", s.Name, cs, cpu, "≤ 1.5", cpu <= 1.5));
                        var alloc = stratus.AllocBytesPerRequest / floor.AllocBytesPerRequest;
                        targets.Add(new("alloc/request × floor", s.Name, cs, alloc, "≤ 1.5", alloc <= 1.5));
                        break;
                    case ScenarioKind.Parsing:
                        targets.Add(new("throughput × floor", s.Name, cs, throughput, "≥ 0.7", throughput >= 0.7));
                        if (sdk is not null)
                        {
                            var vsSdk = stratus.RequestsPerSecond / sdk.RequestsPerSecond;
                            targets.Add(new("throughput × AWS SDK", s.Name, cs, vsSdk, "≥ 3", vsSdk >= 3));
                        }
                        break;
                    case ScenarioKind.Large:
                        targets.Add(new("throughput × raw HttpClient", s.Name, cs, throughput, "≥ 0.9", throughput >= 0.9));
                        var small = Cell("Stratus", s == Harness.Scenario.GetLarge ? Harness.Scenario.GetSmall : Harness.Scenario.PutSmall, c);
                        if (small is not null)
                        {
                            // Independent of size: a 64 MiB call allocates no more than a 1 KiB call plus 256 KiB of buffers.
                            var extra = stratus.AllocBytesPerRequest - small.AllocBytesPerRequest;
                            targets.Add(new("alloc/request 64 MiB − 1 KiB (bytes)", s.Name, cs, extra, "≤ 262,144", extra <= 256 * 1024));
                        }
                        break;
                }
            }
        }
        StartupBench.Result? Start(string client, string mode) => startup.FirstOrDefault(r => r.App.Client == client && r.App.Mode == mode && r.Error is null);
        if (Start("Stratus", "JIT") is { } sj && Start("floor", "JIT") is { } fj)
        {
            var ratio = sj.MedianMs / fj.MedianMs;
            targets.Add(new("start-up × floor (JIT)", "first call", "-", ratio, "≤ 1.2", ratio <= 1.2));
        }
        if (Start("Stratus", "AOT") is { } sa)
        {
            targets.Add(new("start-up, Native AOT (ms)", "first call", "-", sa.MedianMs, "≤ 50", sa.MedianMs <= 50));
            var sdkApp = Start("AWS SDK", "AOT") ?? Start("AWS SDK", "JIT");
            if (sdkApp is not null)
            {
                var ratio = (double)sa.SizeBytes / sdkApp.SizeBytes;
                targets.Add(new($"AOT app size × AWS SDK app ({sdkApp.App.Mode})", "S3+SQS+DynamoDB", "-", ratio, "≤ 1", ratio <= 1));
            }
        }
        return targets;
    }
}
