using System.Diagnostics;
using Stratus.Bench.Harness.Clients;

namespace Stratus.Bench.Harness;

/// <summary>Measures one cell: warm up, size the run from the warm-up's pace, then time a fixed number of calls.</summary>
public static class Runner
{
    public static async Task<CellResult> RunAsync(IBenchClient client, Scenario scenario, int concurrency, RunBudget budget, EndpointProcess endpoint)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => new Worker()).ToArray();

        // Warm-up: JIT, connections (one per worker), pools; its pace sizes the measured run.
        var warmup = Stopwatch.StartNew();
        var warmed = 0;
        do
        {
            await Task.WhenAll(workers.Select(w => client.CallAsync(scenario, w))).ConfigureAwait(false);
            warmed += concurrency;
        }
        while (warmup.Elapsed.TotalSeconds < budget.WarmupSeconds && warmed < budget.MaxRequests);
        var perSecond = warmed / warmup.Elapsed.TotalSeconds;
        var large = scenario.Kind == ScenarioKind.Large;
        var max = large ? budget.LargeMaxRequests : budget.MaxRequests;
        var min = Math.Min(large ? budget.LargeMinRequests : budget.MinRequests, max);
        var requests = (int)Math.Clamp(perSecond * budget.Seconds, min, max);
        requests = Math.Max(concurrency, requests / concurrency * concurrency);

        var latencies = new long[requests];
        var next = -1;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var endpointCpu0 = endpoint.CpuTime;
        var cpu0 = Environment.CpuUsage.TotalTime;
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        var tasks = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var worker = workers[w];
            tasks[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests)
                {
                    var t = Stopwatch.GetTimestamp();
                    await client.CallAsync(scenario, worker).ConfigureAwait(false);
                    latencies[i] = Stopwatch.GetTimestamp() - t;
                }
            });
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
        var cpu = Environment.CpuUsage.TotalTime - cpu0;
        var endpointCpu = endpoint.CpuTime - endpointCpu0;

        Array.Sort(latencies);
        return new CellResult(
            client.Name,
            scenario,
            concurrency,
            requests,
            elapsed.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            cpu.TotalMicroseconds / requests,
            (double)alloc / requests,
            endpointCpu.TotalMicroseconds / requests);
    }

    private static double Percentile(long[] sorted, double p)
    {
        var index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
