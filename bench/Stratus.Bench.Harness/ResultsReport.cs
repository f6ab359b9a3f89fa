using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Stratus.Bench.Harness;

/// <summary>Writes RESULTS.md: the machine, the versions, every metric, the ratios and each target met or missed.</summary>
public static class ResultsReport
{
    public static string Render(HarnessOptions options, IReadOnlyList<CellResult> cells, IReadOnlyList<string> failures,
        IReadOnlyList<StartupBench.Result> startup, IReadOnlyList<Target> targets, TimeSpan duration)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Stratus benchmark results").AppendLine();
        if (options.Label is { } label)
        {
            sb.Append("> **").Append(label).AppendLine("**").AppendLine();
        }
        sb.AppendLine("Produced by `bench/run.sh` (see bench/README.md). Ratios compare clients measured in this same run.").AppendLine();
        Machine(sb, options, duration);
        if (targets.Count > 0)
        {
            sb.AppendLine("## Targets (Stratus)").AppendLine();
            sb.AppendLine("| Target | Scenario | Concurrency | Measured | Bound | Verdict |").AppendLine("|---|---|---:|---:|---|---|");
            foreach (var t in targets)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {t.What} | {t.Scenario} | {t.Concurrency} | {Num(t.Value)} | {t.Bound} | {(t.Met ? "met" : "**missed**")} |").AppendLine();
            }
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"{targets.Count(t => t.Met)} of {targets.Count} targets met.").AppendLine().AppendLine();
        }
        foreach (var c in cells.Select(r => r.Concurrency).Distinct().Order())
        {
            sb.Append(CultureInfo.InvariantCulture, $"## End to end, concurrency {c}").AppendLine().AppendLine();
            sb.AppendLine("CPU and allocation are the client process's (the endpoint runs in another process), per request. Ratios are to the floor.").AppendLine();
            sb.AppendLine("| Scenario | Client | Requests | req/s | MB/s | p50 ms | p99 ms | CPU µs/req | alloc B/req | req/s × floor | CPU × floor | alloc × floor | endpoint CPU µs/req |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in Scenario.All)
            {
                var floor = cells.FirstOrDefault(r => r.Scenario == s && r.Concurrency == c && r.Client == "floor");
                foreach (var r in cells.Where(r => r.Scenario == s && r.Concurrency == c).OrderBy(r => r.Client == "floor" ? 0 : r.Client == "Stratus" ? 1 : 2))
                {
                    sb.Append(CultureInfo.InvariantCulture,
                        $"| {s.Name} | {r.Client} | {r.Requests} | {r.RequestsPerSecond:0} | {(s.PayloadBytes > 0 ? (r.BytesPerSecond / 1e6).ToString("0", CultureInfo.InvariantCulture) : "")} | {r.P50Ms:0.000} | {r.P99Ms:0.000} | {r.CpuUsPerRequest:0} | {r.AllocBytesPerRequest:0} | ");
                    sb.Append(floor is null ? "| | |" : $"{Num(r.RequestsPerSecond / floor.RequestsPerSecond)} | {Num(r.CpuUsPerRequest / floor.CpuUsPerRequest)} | {Num(r.AllocBytesPerRequest / floor.AllocBytesPerRequest)} |");
                    sb.Append(CultureInfo.InvariantCulture, $" {r.EndpointCpuUsPerRequest:0} |").AppendLine();
                }
            }
            sb.AppendLine();
        }
        if (startup.Count > 0)
        {
            sb.AppendLine("## Start-up and size").AppendLine();
            sb.AppendLine("Time from process start to the first completed call (S3 HeadObject), median of runs; the app then also calls SQS SendMessage and DynamoDB Query. Size: the framework-dependent publish folder (JIT) or the native executable (AOT), symbols excluded.").AppendLine();
            sb.AppendLine("| Client | Mode | Runs | median ms | min ms | × floor (same mode) | size MB | note |").AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
            foreach (var r in startup)
            {
                var floor = startup.FirstOrDefault(f => f.App.Client == "floor" && f.App.Mode == r.App.Mode && f.Error is null);
                var ratio = floor is null || r.Error is not null ? "" : Num(r.MedianMs / floor.MedianMs);
                sb.Append(CultureInfo.InvariantCulture,
                    $"| {r.App.Client} | {r.App.Mode} | {r.Runs} | {r.MedianMs:0.0} | {r.MinMs:0.0} | {ratio} | {r.SizeBytes / 1e6:0.00} | {r.Error?.ReplaceLineEndings(" ")} |").AppendLine();
            }
            sb.AppendLine();
        }
        if (failures.Count > 0)
        {
            sb.AppendLine("## Failures").AppendLine();
            foreach (var f in failures)
            {
                sb.Append("- ").AppendLine(f.ReplaceLineEndings(" "));
            }
            sb.AppendLine();
        }
        if (options.MicroResults is { } micro && Directory.Exists(micro))
        {
            sb.AppendLine("## Microbenchmarks (BenchmarkDotNet)").AppendLine();
            foreach (var file in Directory.EnumerateFiles(micro, "*-report-github.md").Order(StringComparer.Ordinal))
            {
                sb.AppendLine(File.ReadAllText(file).Trim()).AppendLine();
            }
        }
        return sb.ToString();
    }

    private static void Machine(StringBuilder sb, HarnessOptions options, TimeSpan duration)
    {
        sb.AppendLine("## Machine and versions").AppendLine();
        sb.Append("- CPU: ").Append(CpuModel()).Append(CultureInfo.InvariantCulture, $", {Environment.ProcessorCount} logical cores").AppendLine();
        sb.Append("- Memory: ").AppendLine(MemoryTotal());
        sb.Append("- OS: ").AppendLine(RuntimeInformation.OSDescription);
        sb.Append("- Runtime: ").Append(RuntimeInformation.FrameworkDescription)
            .Append(CultureInfo.InvariantCulture, $", {(GCSettings.IsServerGC ? "server" : "workstation")} GC, tiered PGO on").AppendLine();
        sb.Append("- Stratus: ").AppendLine(options.Commit ?? Version(typeof(Stratus.Aws)));
        sb.Append("- AWS SDK for .NET: Core ").Append(Version(typeof(Amazon.Runtime.AWSCredentials)))
            .Append(", S3 ").Append(Version(typeof(Amazon.S3.AmazonS3Client)))
            .Append(", EC2 ").Append(Version(typeof(Amazon.EC2.AmazonEC2Client)))
            .Append(", SQS ").Append(Version(typeof(Amazon.SQS.AmazonSQSClient)))
            .Append(", DynamoDBv2 ").AppendLine(Version(typeof(Amazon.DynamoDBv2.AmazonDynamoDBClient)));
        sb.Append(CultureInfo.InvariantCulture, $"- Mode: {(options.Quick ? "quick (validation counts)" : "full")}; warm-up {options.Budget.WarmupSeconds} s, about {options.Budget.Seconds} s per cell; the harness ran {duration.TotalMinutes:0.0} min").AppendLine();
        sb.AppendLine("- Endpoint: `Stratus.Bench.Endpoint` in its own process on 127.0.0.1, HTTP/1.1; small and parsing scenarios over HTTP, 64 MiB scenarios over HTTPS (self-signed; S3 payloads over TLS go unsigned, as against S3)").AppendLine();
    }

    // The package's version: informational (Stratus, with its commit), else the file version (the AWS SDK sets only that).
    private static string Version(Type type)
    {
        var assembly = type.Assembly;
        if (assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false) is [System.Reflection.AssemblyInformationalVersionAttribute info, ..]
            && info.InformationalVersion.Split('+')[0] != "1.0.0")
        {
            return info.InformationalVersion.Split('+')[0];
        }
        return assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyFileVersionAttribute), false) is [System.Reflection.AssemblyFileVersionAttribute file, ..]
            ? file.Version
            : assembly.GetName().Version?.ToString() ?? "?";
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string MemoryTotal()
    {
        try
        {
            var kb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return $"{long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GiB";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Num(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : "0.00", CultureInfo.InvariantCulture);
}
