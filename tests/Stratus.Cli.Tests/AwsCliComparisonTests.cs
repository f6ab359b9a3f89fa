using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Stratus.Cli.Tests;

/// <summary>
/// The same command through <c>stratus</c> and <c>/usr/bin/aws</c> against the same mock cloud: the same output
/// (volatile fields aside), the same error line and exit code. Debian's AWS CLI speaks the query protocol to SQS,
/// so the SQS comparisons need the mock's query server side too.
/// </summary>
public sealed partial class AwsCliComparisonTests(MockCloudFixture mock) : IClassFixture<MockCloudFixture>
{
    private async Task<(CliProcess.Result Stratus, CliProcess.Result Aws)> Both(params string[] args)
    {
        var stratus = await CliProcess.StratusAsync([.. args, "--endpoint-url", mock.Endpoint]);
        var aws = await CliProcess.RunAsync(AwsCliFactAttribute.Aws, [.. args, "--endpoint-url", mock.Endpoint]);
        return (stratus, aws);
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [ProtocolFact("query", needsAwsCli: true)]
    public async Task SqsOutputsMatch()
    {
        var name = Unique("cmp-");
        var url = (string)(await CliProcess.StratusAsync("sqs", "create-queue", "--queue-name", name, "--attributes", "VisibilityTimeout=45", "--endpoint-url", mock.Endpoint)).Ok().Json["QueueUrl"]!;
        foreach (var args in new[]
        {
            new[] { "sqs", "get-queue-url", "--queue-name", name },
            ["sqs", "get-queue-url", "--queue-name", name, "--output", "text"],
            ["sqs", "get-queue-url", "--queue-name", name, "--output", "table"],
            ["sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All"],
            ["sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All", "--output", "table"],
            ["sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All", "--output", "text"],
            ["sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "VisibilityTimeout", "QueueArn", "--query", "Attributes.[QueueArn, VisibilityTimeout]"],
            ["sqs", "list-queue-tags", "--queue-url", url],
            ["sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All", "--output", "yaml"],
        })
        {
            var (stratus, aws) = await Both(args);
            aws.Ok();
            stratus.Ok();
            Assert.True(aws.Output == stratus.Output, $"{string.Join(' ', args)}\naws:\n{aws.Output}\nstratus:\n{stratus.Output}");
        }
    }

    [ProtocolFact("query", needsAwsCli: true)]
    public async Task SqsMessagesMatchBesidesTheirIds()
    {
        var name = Unique("cmp-msg-");
        var url = (string)(await CliProcess.StratusAsync("sqs", "create-queue", "--queue-name", name, "--endpoint-url", mock.Endpoint)).Ok().Json["QueueUrl"]!;
        var (stratus, aws) = await Both("sqs", "send-message", "--queue-url", url, "--message-body", "héllo", "--message-attributes", "color={DataType=String,StringValue=blue}");
        AssertSameJson(aws.Ok().Json, stratus.Ok().Json, "MessageId");
    }

    [ProtocolFact("query", needsAwsCli: true)]
    public async Task ErrorsMatch()
    {
        var (stratus, aws) = await Both("sqs", "get-queue-url", "--queue-name", Unique("nope-"));
        Assert.Equal(aws.ExitCode, stratus.ExitCode);
        Assert.Equal(254, stratus.ExitCode);
        // The error code differs by protocol in the mock (QueueDoesNotExist over query, the query-compatible
        // AWS.SimpleQueueService.NonExistentQueue over JSON); the line around it is the same.
        Assert.Equal(ErrorCode().Replace(aws.Error.Trim(), "(Code)"), ErrorCode().Replace(stratus.Error.Trim(), "(Code)"));
        Assert.Equal("", stratus.Output);
    }

    [ProtocolFact("query", needsAwsCli: true)]
    public async Task StsMatches()
    {
        foreach (var format in new[] { "json", "yaml", "text", "table" })
        {
            var (stratus, aws) = await Both("sts", "get-caller-identity", "--output", format);
            Assert.Equal(aws.Ok().Output, stratus.Ok().Output);
        }
    }

    [ProtocolFact("ec2", needsAwsCli: true)]
    public async Task Ec2KeyPairsMatch()
    {
        var name = Unique("cmp-k-");
        (await CliProcess.StratusAsync("ec2", "create-key-pair", "--key-name", name, "--endpoint-url", mock.Endpoint)).Ok();
        foreach (var args in new[]
        {
            new[] { "ec2", "describe-key-pairs", "--key-names", name },
            ["ec2", "describe-key-pairs", "--filters", $"Name=key-name,Values={name}", "--output", "table"],
            ["ec2", "describe-key-pairs", "--key-names", name, "--output", "text"],
            ["ec2", "describe-key-pairs", "--query", "KeyPairs[].KeyName", "--output", "text"],
        })
        {
            var (stratus, aws) = await Both(args);
            if (args.Contains("--output"))
            {
                Assert.True(aws.Ok().Output == stratus.Ok().Output, $"{string.Join(' ', args)}\naws:\n{aws.Output}\nstratus:\n{stratus.Output}");
            }
            else
            {
                // The AWS CLI's older EC2 model orders KeyPairInfo's members differently; the data is the same.
                AssertSameJson(aws.Ok().Json, stratus.Ok().Json);
            }
        }
        var (s, a) = await Both("ec2", "create-key-pair", "--key-name", name);
        Assert.Equal(a.ExitCode, s.ExitCode);
        Assert.Equal(a.Error.Trim(), s.Error.Trim());
    }

    [ProtocolFact("rest-xml", needsAwsCli: true)]
    public async Task S3apiListingsMatch()
    {
        var bucket = Unique("cmp-b-");
        (await CliProcess.StratusAsync("s3api", "create-bucket", "--bucket", bucket, "--endpoint-url", mock.Endpoint)).Ok();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "hello");
            for (var i = 0; i < 3; i++)
            {
                (await CliProcess.StratusAsync("s3api", "put-object", "--bucket", bucket, "--key", $"k{i}", "--body", file, "--endpoint-url", mock.Endpoint)).Ok();
            }
        }
        finally
        {
            File.Delete(file);
        }
        foreach (var args in new[]
        {
            new[] { "s3api", "list-objects-v2", "--bucket", bucket },
            ["s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "1"],
            ["s3api", "list-objects-v2", "--bucket", bucket, "--max-items", "2"],
            ["s3api", "head-object", "--bucket", bucket, "--key", "k1"],
        })
        {
            var (stratus, aws) = await Both(args);
            // Newer models than the AWS CLI's: ChecksumType is a newer member, and ListObjectsV2's paginator now
            // keeps RequestCharged and Prefix (null and "" here, as the newer AWS CLI prints them too).
            AssertSameJson(aws.Ok().Json, stratus.Ok().Json, "LastModified", "ChecksumType", "RequestCharged", "Prefix");
        }
        // Text prints page by page, then the resume token (through --query too, which makes it "None"); the full
        // listing's columns differ by model version, so these compare queried keys. YAML of one object is exact.
        foreach (var args in new[]
        {
            new[] { "s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "2", "--query", "Contents[].Key", "--output", "text" },
            ["s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "2", "--max-items", "1", "--query", "Contents[].Key", "--output", "text"],
            ["s3api", "list-objects-v2", "--bucket", bucket, "--max-items", "2", "--query", "[Contents[].Key, NextToken]", "--output", "json"],
            ["s3api", "head-object", "--bucket", bucket, "--key", "k1", "--output", "yaml"],
        })
        {
            var (stratus, aws) = await Both(args);
            Assert.True(aws.Ok().Output == stratus.Ok().Output, $"{string.Join(' ', args)}\naws:\n{aws.Output}\nstratus:\n{stratus.Output}");
        }
    }

    /// <summary>Equal JSON, ignoring the named volatile fields wherever they are.</summary>
    private static void AssertSameJson(JsonNode expected, JsonNode actual, params string[] ignore)
    {
        var e = Strip(expected.DeepClone(), ignore);
        var a = Strip(actual.DeepClone(), ignore);
        Assert.True(JsonNode.DeepEquals(e, a), $"aws:\n{e}\nstratus:\n{a}");
    }

    private static JsonNode? Strip(JsonNode? node, string[] ignore)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (ignore.Contains(key))
                    {
                        o.Remove(key);
                    }
                    else
                    {
                        Strip(o[key], ignore);
                    }
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Strip(item, ignore);
                }
                break;
        }
        return node;
    }

    [GeneratedRegex(@"\([A-Za-z.]+\)")]
    private static partial Regex ErrorCode();
}
