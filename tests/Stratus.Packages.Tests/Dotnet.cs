using System.Diagnostics;

namespace Stratus.Packages.Tests;

/// <summary>Runs the <c>dotnet</c> command (and the programs it installs) as a child process, capturing its output.</summary>
internal static class Dotnet
{
    /// <summary>The <c>dotnet</c> executable found on PATH, or null.</summary>
    public static string? Path { get; } = Find();

    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Elapsed)
    {
        public Result Ok(string what)
        {
            Assert.True(ExitCode == 0, $"{what}: exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}");
            return this;
        }
    }

    public static Task<Result> RunAsync(string workingDirectory, IDictionary<string, string>? env, params string[] args) =>
        RunProgramAsync(Path ?? "dotnet", workingDirectory, env, args);

    /// <summary>
    /// Runs a program. The environment is this process's, less what `dotnet test` set for its own MSBuild (which
    /// would point a child build at the wrong SDK), with build servers off so nothing is left running.
    /// </summary>
    public static async Task<Result> RunProgramAsync(string file, string workingDirectory, IDictionary<string, string>? env, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Not an assertion on time: a hung restore must end the test rather than the whole run.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 5 minutes.\n{await output}\n{await error}");
        }
        return new Result(process.ExitCode, await output, await error, clock.Elapsed);
    }

    private static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
