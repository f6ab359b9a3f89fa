using System.Diagnostics;

namespace Stratus.RealClients.Tests;

/// <summary>
/// Runs the real `stratus mock serve` process on a free loopback port for a test class, waits for the
/// line announcing its URL, and stops it with SIGTERM at the end (checking that it exits cleanly).
/// </summary>
public sealed class MockServeFixture : IAsyncLifetime
{
    private Process? _process;

    public Uri Url { get; private set; } = new("http://127.0.0.1");

    public string Endpoint => Url.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        var cli = Path.Combine(RepoRoot(), "src", "Stratus.Cli", "bin", Configuration(), "net10.0", "Stratus.Cli.dll");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"Build src/Stratus.Cli first ({cli} is missing).");
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { cli, "mock", "serve", "--port", "0" })
        {
            start.ArgumentList.Add(a);
        }
        _process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("mock serve exited: " + await _process.StandardError.ReadToEndAsync());
        var at = line.IndexOf("http://", StringComparison.Ordinal);
        Url = new Uri(line[at..]);
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        _process.Dispose();
    }

    /// <summary>The exit code after DisposeAsync (0 = clean shutdown).</summary>
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stratus.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Stratus.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
}
