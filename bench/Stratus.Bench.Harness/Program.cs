// The end-to-end comparison: the floor, Stratus and the AWS SDK for .NET, in this one process, against the
// endpoint in another; then the start-up apps; then RESULTS.md. See bench/README.md.
using System.Diagnostics;
using Stratus.Bench.Harness;
using Stratus.Bench.Harness.Clients;

var options = HarnessOptions.Parse(args);
SignerCheck.Run(); // the floor must sign correctly for its cost to mean anything
var watch = Stopwatch.StartNew();
using var endpoint = await EndpointProcess.StartAsync(options.EndpointDll);
Console.WriteLine($"endpoint {endpoint.Http} {endpoint.Https} (pid {endpoint.ProcessId})");

var clients = new List<IBenchClient>();
foreach (var name in options.Clients)
{
    clients.Add(name switch
    {
        "floor" => new FloorBenchClient(endpoint.Http, endpoint.Https),
        "Stratus" => new StratusBenchClient(endpoint.Http, endpoint.Https),
        "AWS SDK" => new AwsSdkBenchClient(endpoint.Http, endpoint.Https),
        _ => throw new ArgumentException($"unknown client {name}"),
    });
}

var scenarios = Scenario.All.Where(s => options.ScenarioFilter is null
    || options.ScenarioFilter.Split(',').Any(f => s.Name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();
var cells = new List<CellResult>();
var failures = new List<string>();
for (var si = 0; si < scenarios.Count; si++)
{
    var scenario = scenarios[si];
    foreach (var concurrency in options.Concurrency)
    {
        // Rotate the order from scenario to scenario so no client always runs first.
        for (var k = 0; k < clients.Count; k++)
        {
            var client = clients[(k + si) % clients.Count];
            try
            {
                var cell = await Runner.RunAsync(client, scenario, concurrency, options.Budget, endpoint);
                cells.Add(cell);
                Console.WriteLine($"{scenario.Name,-30} c={concurrency,-2} {client.Name,-8} {cell.RequestsPerSecond,9:0} req/s  p50 {cell.P50Ms,8:0.000} ms  p99 {cell.P99Ms,8:0.000} ms  cpu {cell.CpuUsPerRequest,8:0} µs  alloc {cell.AllocBytesPerRequest,10:0} B");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var message = $"{client.Name}, {scenario.Name}, concurrency {concurrency}: {e.GetType().Name}: {e.Message}";
                failures.Add(message);
                Console.WriteLine("FAILED " + message);
            }
        }
    }
}
foreach (var client in clients)
{
    client.Dispose();
}

var startup = options.StartupManifest is { } manifest && File.Exists(manifest)
    ? await StartupBench.RunAsync(StartupApp.ReadManifest(manifest), endpoint.Http, options.StartupRuns)
    : [];
var targets = Target.Evaluate(cells, startup);
var report = ResultsReport.Render(options, cells, failures, startup, targets, watch.Elapsed);
await File.WriteAllTextAsync(options.Output, report);
Console.WriteLine($"wrote {options.Output}: {targets.Count(t => t.Met)} of {targets.Count} targets met, {failures.Count} failures");
return failures.Count == 0 ? 0 : 1;
