using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Stratus.Cli.Tests;

/// <summary>Runs a real process (<c>dotnet Stratus.Cli.dll ...</c> or <c>/usr/bin/aws</c>) and captures what it prints.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Elapsed)
    {
        public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException("no JSON output");

        public Result Ok()
        {
            Assert.True(ExitCode == 0, $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}");
            return this;
        }
    }

    /// <summary>The built <c>Stratus.Cli.dll</c> (the project reference builds it next to the tests).</summary>
    public static string StratusDll
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "Stratus.Cli.dll");
            return File.Exists(beside) ? beside : throw new FileNotFoundException($"{beside} is missing: build tests/Stratus.Cli.Tests.");
        }
    }

    /// <summary>The environment of every run: fixed test credentials and region, no shared files, no pager.</summary>
    public static Dictionary<string, string> Environment(string? directory = null) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_CONFIG_FILE"] = "/dev/null",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_PAGER"] = "",
        ["HOME"] = directory ?? Path.GetTempPath(),
    };

    public static Task<Result> StratusAsync(params string[] args) => RunAsync("dotnet", [StratusDll, .. args]);

    /// <summary>
    /// Runs a program; <paramref name="env"/> overrides the test environment (a null value removes a variable);
    /// <paramref name="stdin"/>, when given, is its standard input.
    /// </summary>
    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string?>? env = null, string? stdin = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in Environment())
        {
            start.Environment[k] = v;
        }
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_DEFAULT_OUTPUT");
        start.Environment.Remove("AWS_SESSION_TOKEN");
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
        {
            if (v is null)
            {
                start.Environment.Remove(k);
            }
            else
            {
                start.Environment[k] = v;
            }
        }
        var clock = Stopwatch.StartNew();
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
        return new Result(process.ExitCode, await output, await error, clock.Elapsed);
    }
}

/// <summary>A fact that needs /usr/bin/aws: skipped, saying why, when it is not installed.</summary>
public sealed class AwsCliFactAttribute : FactAttribute
{
    public const string Aws = "/usr/bin/aws";

    public AwsCliFactAttribute()
    {
        if (!File.Exists(Aws))
        {
            Skip = $"{Aws} is not installed (apt-get install awscli).";
        }
    }
}

/// <summary>A fact that needs the mock cloud's server side of a protocol (merged on other branches): skipped, saying so, until it is here.</summary>
public sealed class ProtocolFactAttribute : FactAttribute
{
    public ProtocolFactAttribute(string protocol, bool needsAwsCli = false)
    {
        if (!Protocols.Server.ServerProtocolRegistry.IsSupported(protocol))
        {
            Skip = $"the mock cloud has no server side for the '{protocol}' protocol on this branch yet.";
        }
        else if (needsAwsCli && !File.Exists(AwsCliFactAttribute.Aws))
        {
            Skip = $"{AwsCliFactAttribute.Aws} is not installed (apt-get install awscli).";
        }
    }
}
