namespace Stratus.Cli.Tests;

/// <summary>Help from the models: services, operations, members with their types, required-ness and enums.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task ServicesUseTheAwsCliNames()
    {
        var help = await InProcess.RunAsync("help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("\n  ec2 ", help.Output, StringComparison.Ordinal);
        Assert.Contains("\n  s3api ", help.Output, StringComparison.Ordinal);
        Assert.Contains("\n  configservice ", help.Output, StringComparison.Ordinal);
        Assert.Contains("\n  deploy ", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  codedeploy ", help.Output, StringComparison.Ordinal);
        Assert.Contains("\n  s3 ", help.Output, StringComparison.Ordinal); // the reserved high-level command
        Assert.Contains("  --endpoint-url <value>", help.Output, StringComparison.Ordinal);
        Assert.Equal(help.Output, (await InProcess.RunAsync("--help")).Output);
    }

    [Fact]
    public async Task ServiceHelpListsOperationsAndWaiters()
    {
        var help = await InProcess.RunAsync("ec2", "help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("\n  describe-key-pairs\n", help.Output, StringComparison.Ordinal);
        Assert.Contains("\n  create-key-pair\n", help.Output, StringComparison.Ordinal);
        Assert.Contains("wait  (waiters: stratus ec2 wait help)", help.Output, StringComparison.Ordinal);
        var s3 = await InProcess.RunAsync("s3api", "help");
        Assert.Contains("\n  list-objects-v2\n", s3.Output, StringComparison.Ordinal);
        var waiters = await InProcess.RunAsync("ec2", "wait", "help");
        Assert.Contains("instance-running", waiters.Output, StringComparison.Ordinal);
        Assert.Contains("polls describe-instances", waiters.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperationHelpShowsMembersFromTheModel()
    {
        var help = await InProcess.RunAsync("ec2", "create-key-pair", "help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("    --key-name <value>\n", help.Output, StringComparison.Ordinal);
        Assert.Contains("  --key-name (string) [required]\n", help.Output, StringComparison.Ordinal);
        Assert.Contains("    [--dry-run | --no-dry-run]\n", help.Output, StringComparison.Ordinal);
        Assert.Contains("  --key-type (string)\n      Possible values: rsa, ed25519\n", help.Output, StringComparison.Ordinal);
        Assert.Contains("  --tag-specifications (list of structure)", help.Output, StringComparison.Ordinal);
        Assert.Contains("KeyMaterial -> (string)", help.Output, StringComparison.Ordinal);

        var filters = await InProcess.RunAsync("ec2", "describe-key-pairs", "help");
        Assert.Contains("        Name=string,Values=string,string ...\n", filters.Output, StringComparison.Ordinal);

        var paged = await InProcess.RunAsync("s3api", "list-objects-v2", "help");
        Assert.Contains("[--starting-token <value>]", paged.Output, StringComparison.Ordinal);
        Assert.Contains("[--page-size <value>]", paged.Output, StringComparison.Ordinal);
        Assert.Contains("[--max-items <value>]", paged.Output, StringComparison.Ordinal);

        var download = await InProcess.RunAsync("s3api", "get-object", "help");
        Assert.Contains("    <outfile>\n", download.Output, StringComparison.Ordinal);
        Assert.Contains("Body -> (streaming blob): written to outfile", download.Output, StringComparison.Ordinal);

        var run = await InProcess.RunAsync("ec2", "run-instances", "help");
        Assert.Contains("    [--count <value>]\n", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--min-count", run.Output, StringComparison.Ordinal);

        var waiter = await InProcess.RunAsync("ec2", "wait", "instance-running", "help");
        Assert.Contains("--instance-ids", waiter.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "ec3", "describe-instances" }, "stratus: error: argument command: Invalid choice 'ec3'. Did you mean: ec2")]
    [InlineData(new[] { "ec2", "describe-instance" }, "stratus: error: argument operation: Invalid choice 'describe-instance'. Did you mean: describe-instances")]
    [InlineData(new[] { "ec2" }, "stratus: error: the following arguments are required: operation")]
    [InlineData(new string[0], "stratus: error: the following arguments are required: command")]
    [InlineData(new[] { "ec2", "create-key-pair" }, "stratus: error: the following arguments are required: --key-name")]
    [InlineData(new[] { "ec2", "create-key-pair", "--key-name", "k", "--bogus" }, "stratus: error: Unknown options: --bogus")]
    [InlineData(new[] { "ec2", "run-instances", "--image-id", "ami-1", "--count", "x" }, "Error parsing parameter '--count': count parameter should be of form min[:max] (e.g. 1 or 1:10)")]
    [InlineData(new[] { "ec2", "run-instances", "--image-id", "ami-1", "--min-count", "1" }, "stratus: error: Unknown options: --min-count")]
    [InlineData(new[] { "ec2", "describe-spot-price-history", "--start-time", "yesterday" }, "Error parsing parameter '--start-time': invalid timestamp: 'yesterday'")]
    [InlineData(new[] { "ec2", "describe-key-pairs", "--output", "xml" }, "stratus: error: Argument 'xml' not recognized.")]
    [InlineData(new[] { "ec2", "describe-key-pairs", "--query", "KeyPairs[" }, "Bad value for --query KeyPairs[")]
    [InlineData(new[] { "s3api", "get-object", "--bucket", "b", "--key", "k" }, "stratus: error: the following arguments are required: outfile")]
    [InlineData(new[] { "s3", "frobnicate" }, "stratus: error: argument command: Invalid choice 'frobnicate'")]
    [InlineData(new[] { "ec2", "wait", "instance-runing" }, "stratus: error: argument waiter: Invalid choice 'instance-runing'. Did you mean: instance-running")]
    public async Task UsageErrorsAreOneLineWithExitCode252(string[] args, string start)
    {
        var result = await InProcess.RunAsync(args);
        Assert.Equal(252, result.ExitCode);
        Assert.StartsWith(start, result.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.Error.Count(c => c == '\n'));
        Assert.Equal("", result.Output);
    }
}
