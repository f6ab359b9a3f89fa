namespace Stratus.Cli.Tests;

/// <summary>Runs the command line in this process (for help and usage errors, which make no call).</summary>
internal static class InProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = await StratusCli.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
