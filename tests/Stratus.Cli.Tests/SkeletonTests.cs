using System.Text.Json.Nodes;

namespace Stratus.Cli.Tests;

/// <summary><c>--generate-cli-skeleton</c>: the same skeletons as the AWS CLI's, without a call.</summary>
public sealed class SkeletonTests
{
    [Fact]
    public async Task InputSkeletonNeedsNoRequiredArguments()
    {
        var result = await InProcess.RunAsync("ec2", "create-key-pair", "--generate-cli-skeleton");
        Assert.Equal(0, result.ExitCode);
        var skeleton = JsonNode.Parse(result.Output)!;
        Assert.Equal("", (string?)skeleton["KeyName"]);
        Assert.Equal("rsa", (string?)skeleton["KeyType"]);
        Assert.Equal("", (string?)skeleton["TagSpecifications"]![0]!["Tags"]![0]!["Key"]);
        Assert.True((bool)skeleton["DryRun"]!);
    }

    [Fact]
    public async Task OutputSkeletonChecksTheInputFirst()
    {
        var missing = await InProcess.RunAsync("ec2", "create-key-pair", "--generate-cli-skeleton", "output");
        Assert.Equal(252, missing.ExitCode);
        var sample = await InProcess.RunAsync("ec2", "create-key-pair", "--key-name", "k", "--generate-cli-skeleton", "output", "--query", "KeyName", "--output", "text");
        Assert.Equal(0, sample.ExitCode);
        Assert.Equal("\n", sample.Output);
        var download = await InProcess.RunAsync("s3api", "get-object", "--generate-cli-skeleton");
        Assert.Equal(252, download.ExitCode);
    }

    [AwsCliFact]
    public async Task SameAsTheAwsCli()
    {
        foreach (var args in new[] { new[] { "ec2", "describe-key-pairs" }, ["sqs", "create-queue"], ["sts", "get-caller-identity"] })
        {
            var stratus = await InProcess.RunAsync([.. args, "--generate-cli-skeleton"]);
            var aws = await CliProcess.RunAsync(AwsCliFactAttribute.Aws, [.. args, "--generate-cli-skeleton"]);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(aws.Ok().Output), JsonNode.Parse(stratus.Output)), $"aws:\n{aws.Output}\nstratus:\n{stratus.Output}");
        }
    }
}
