using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Stratus.RealClients.Tests;

/// <summary>Runs an external client (the AWS CLI, python3 with boto 2) and captures what it prints.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException("no JSON output");

        public Result Ok()
        {
            Assert.True(ExitCode == 0, $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}");
            return this;
        }
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? stdin = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}

/// <summary>A fact that needs an external program: skipped, saying why, when it is not installed.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string path, string? pythonModule = null)
    {
        if (!File.Exists(path))
        {
            Skip = $"{path} is not installed (scripts/test.sh installs it with apt-get).";
        }
        else if (pythonModule is not null && !Directory.Exists($"/usr/lib/python3/dist-packages/{pythonModule}"))
        {
            Skip = $"the Python module {pythonModule} is not installed (apt-get install python3-{pythonModule}).";
        }
    }
}
