using System.Diagnostics;

namespace Stratus.Bench.Harness;

/// <summary>The endpoint, started as its own process (its CPU is not the clients'), stopped by closing its input.</summary>
public sealed class EndpointProcess : IDisposable
{
    private readonly Process _process;

    private EndpointProcess(Process process, Uri http, Uri https)
    {
        _process = process;
        Http = http;
        Https = https;
    }

    public Uri Http { get; }

    public Uri Https { get; }

    public int ProcessId => _process.Id;

    public static async Task<EndpointProcess> StartAsync(string endpointDll)
    {
        var info = new ProcessStartInfo("dotnet", [endpointDll])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the endpoint.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The endpoint exited before listening.");
        // "http=<url> https=<url>"
        var parts = line.Split(' ');
        return new EndpointProcess(process, new Uri(parts[0]["http=".Length..]), new Uri(parts[1]["https=".Length..]));
    }

    /// <summary>The endpoint's CPU time so far (to show how much of the machine it took).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
