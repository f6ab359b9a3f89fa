using System.Diagnostics;

namespace Stratus.Bench.Harness;

/// <summary>The time from process start to the first completed call, and the app's size.</summary>
public static class StartupBench
{
    public sealed record Result(StartupApp App, double MedianMs, double MinMs, int Runs, long SizeBytes, string? Error);

    public static async Task<List<Result>> RunAsync(IEnumerable<StartupApp> apps, Uri endpoint, int runs)
    {
        var results = new List<Result>();
        foreach (var app in apps)
        {
            if (app.Failure is not null)
            {
                results.Add(new Result(app, 0, 0, 0, 0, app.Failure));
                continue;
            }
            try
            {
                await TimeOnceAsync(app, endpoint).ConfigureAwait(false); // discarded: fills the disk cache
                var times = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    times.Add(await TimeOnceAsync(app, endpoint).ConfigureAwait(false));
                }
                times.Sort();
                results.Add(new Result(app, times[times.Count / 2], times[0], runs, app.SizeBytes(), null));
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                results.Add(new Result(app, 0, 0, 0, 0, e.Message));
            }
            Console.WriteLine($"  start-up {app.Client} {app.Mode}: {results[^1].MedianMs:0.0} ms, {results[^1].SizeBytes / 1e6:0.0} MB {results[^1].Error}");
        }
        return results;
    }

    // Wall time from Process.Start to the app's "first-call" line; the app then finishes its SQS and DynamoDB calls.
    private static async Task<double> TimeOnceAsync(StartupApp app, Uri endpoint)
    {
        var parts = app.Command.Split(' ', 2);
        var info = new ProcessStartInfo(parts[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (parts.Length > 1)
        {
            info.ArgumentList.Add(parts[1]);
        }
        info.ArgumentList.Add(endpoint.ToString());
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {app.Command}");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        var rest = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var errors = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (line != "first-call" || process.ExitCode != 0 || !rest.Contains("done", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{app.Client} {app.Mode} failed (exit {process.ExitCode}): {line} {rest} {errors}".Trim());
        }
        return elapsed;
    }
}
