using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Stratus.Cli.Tests;

/// <summary>The real <c>stratus</c> process against the mock cloud.</summary>
public sealed class EndToEndTests(MockCloudFixture mock, ITestOutputHelper log) : IClassFixture<MockCloudFixture>
{
    private Task<CliProcess.Result> Stratus(params string[] args) => CliProcess.StratusAsync([.. args, "--endpoint-url", mock.Endpoint]);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task SqsQueuesMessagesShorthandAndOutputFormats()
    {
        var name = Unique("q-");
        var created = (await Stratus("sqs", "create-queue", "--queue-name", name, "--attributes", "VisibilityTimeout=40,DelaySeconds=0", "--tags", "env=dev")).Ok();
        var url = (string)created.Json["QueueUrl"]!;
        Assert.EndsWith("/000000000000/" + name, url, StringComparison.Ordinal);
        Assert.Equal($"{{\n    \"QueueUrl\": \"{url}\"\n}}\n", created.Output);
        Assert.Equal("", created.Error);

        var timeout = (await Stratus("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All", "--query", "Attributes.VisibilityTimeout", "--output", "text")).Ok();
        Assert.Equal("40\n", timeout.Output);
        var tags = (await Stratus("sqs", "list-queue-tags", "--queue-url", url, "--output", "yaml")).Ok();
        Assert.Equal("Tags:\n  env: dev\n", tags.Output);

        var sent = (await Stratus("sqs", "send-message", "--queue-url", url, "--message-body", "hello, world",
            "--message-attributes", "color={DataType=String,StringValue=blue},count={DataType=Number,StringValue=3}")).Ok();
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("hello, world"u8)), (string?)sent.Json["MD5OfMessageBody"]);

        var received = (await Stratus("sqs", "receive-message", "--queue-url", url, "--message-attribute-names", "All", "--max-number-of-messages", "1")).Ok().Json;
        var message = received["Messages"]![0]!;
        Assert.Equal("hello, world", (string?)message["Body"]);
        Assert.Equal("blue", (string?)message["MessageAttributes"]!["color"]!["StringValue"]);
        (await Stratus("sqs", "delete-message", "--queue-url", url, "--receipt-handle", (string)message["ReceiptHandle"]!)).Ok();

        // A JSON list for a list of structures, and --cli-input-json with an option overriding it.
        var batch = (await Stratus("sqs", "send-message-batch", "--queue-url", url, "--entries",
            """[{"Id":"a","MessageBody":"one"},{"Id":"b","MessageBody":"two","DelaySeconds":0}]""")).Ok().Json;
        Assert.Equal(2, batch["Successful"]!.AsArray().Count);
        var fromJson = (await Stratus("sqs", "send-message", "--cli-input-json", $$"""{"QueueUrl":"{{url}}","MessageBody":"from json"}""", "--message-body", "overridden")).Ok().Json;
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("overridden"u8)), (string?)fromJson["MD5OfMessageBody"]);

        var table = (await Stratus("sqs", "get-queue-url", "--queue-name", name, "--output", "table")).Ok();
        Assert.StartsWith("----", table.Output, StringComparison.Ordinal);
        Assert.Contains(table.Output.Split('\n'), line => line.Contains("|  QueueUrl", StringComparison.Ordinal) && line.Contains(url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesAreMergedAndMaxItemsResumes()
    {
        var prefix = Unique("p");
        for (var i = 0; i < 5; i++)
        {
            (await Stratus("sqs", "create-queue", "--queue-name", $"{prefix}-{i}")).Ok();
        }
        var all = (await Stratus("sqs", "list-queues", "--queue-name-prefix", prefix, "--page-size", "2")).Ok().Json;
        Assert.Equal(5, all["QueueUrls"]!.AsArray().Count);
        Assert.Null(all["NextToken"]);

        var first = (await Stratus("sqs", "list-queues", "--queue-name-prefix", prefix, "--page-size", "2", "--max-items", "3")).Ok().Json;
        Assert.Equal(3, first["QueueUrls"]!.AsArray().Count);
        var token = (string)first["NextToken"]!;
        var rest = (await Stratus("sqs", "list-queues", "--queue-name-prefix", prefix, "--page-size", "2", "--starting-token", token)).Ok().Json;
        Assert.Equal(2, rest["QueueUrls"]!.AsArray().Count);
        Assert.Empty(first["QueueUrls"]!.AsArray().Select(u => (string)u!).Intersect(rest["QueueUrls"]!.AsArray().Select(u => (string)u!)));

        // A paging member set by hand: one call, and the service's own token is shown.
        var one = (await Stratus("sqs", "list-queues", "--queue-name-prefix", prefix, "--max-results", "2")).Ok().Json;
        Assert.Equal(2, one["QueueUrls"]!.AsArray().Count);
        Assert.NotNull(one["NextToken"]);
        var single = (await Stratus("sqs", "list-queues", "--queue-name-prefix", prefix, "--page-size", "2", "--no-paginate")).Ok().Json;
        Assert.Equal(5, single["QueueUrls"]!.AsArray().Count);

        // Text is printed page by page, as the AWS CLI prints it.
        var text = (await Stratus("sqs", "list-queues", "--queue-name-prefix", prefix, "--page-size", "2", "--query", "QueueUrls", "--output", "text")).Ok();
        Assert.Equal([2, 2, 1], text.Output.TrimEnd('\n').Split('\n').Select(line => line.Split('\t').Length));
        var resumable = (await Stratus("sqs", "list-queues", "--queue-name-prefix", prefix, "--page-size", "2", "--max-items", "3", "--output", "text")).Ok();
        Assert.Equal(4, resumable.Output.TrimEnd('\n').Split('\n').Length);
        Assert.StartsWith("NEXTTOKEN\t", resumable.Output.TrimEnd('\n').Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceErrorsAreOneLineOnStderrWithExit254()
    {
        var missing = await Stratus("sqs", "get-queue-url", "--queue-name", Unique("missing-"));
        Assert.Equal(254, missing.ExitCode);
        Assert.Equal("An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueUrl operation: The specified queue does not exist.\n", missing.Error);
        Assert.Equal("", missing.Output);

        var debug = await Stratus("sqs", "get-queue-url", "--queue-name", Unique("missing-"), "--debug");
        Assert.Equal(254, debug.ExitCode);
        Assert.Contains("An error occurred (AWS.SimpleQueueService.NonExistentQueue)", debug.Error, StringComparison.Ordinal);
        Assert.Contains("   at Stratus.", debug.Error, StringComparison.Ordinal);
        Assert.Contains("POST", debug.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", debug.Error.Replace("Signature=***", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputNamesTheOptionWithExit252()
    {
        var invalid = await Stratus("sqs", "get-queue-attributes", "--queue-url", mock.Endpoint + "/000000000000/q", "--attribute-names", "NoSuchAttribute");
        Assert.Equal(252, invalid.ExitCode);
        Assert.StartsWith("Parameter validation failed: --attribute-names (AttributeNames[0])", invalid.Error, StringComparison.Ordinal);
        Assert.Equal(1, invalid.Error.Count(c => c == '\n'));

        var shorthand = await Stratus("sqs", "send-message", "--queue-url", "u", "--message-body", "b", "--message-attributes", "k={DataType=String");
        Assert.Equal(252, shorthand.ExitCode);
        Assert.StartsWith("Error parsing parameter '--message-attributes': expected", shorthand.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigurationAndConnectionProblems()
    {
        var noCredentials = await CliProcess.RunAsync("dotnet", [CliProcess.StratusDll, "sqs", "list-queues", "--endpoint-url", mock.Endpoint],
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null });
        Assert.Equal(253, noCredentials.ExitCode);
        Assert.StartsWith("Unable to locate credentials", noCredentials.Error, StringComparison.Ordinal);

        var refused = await CliProcess.StratusAsync("sqs", "list-queues", "--endpoint-url", "http://127.0.0.1:9", "--cli-connect-timeout", "2");
        Assert.Equal(255, refused.ExitCode);
        Assert.Equal(1, refused.Error.Count(c => c == '\n'));

        var badUrl = await CliProcess.StratusAsync("sqs", "list-queues", "--endpoint-url", "localhost:4566");
        Assert.Equal(252, badUrl.ExitCode);
        Assert.StartsWith("stratus: error: Bad value for --endpoint-url", badUrl.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUpStaysFast()
    {
        (await Stratus("sqs", "list-queues")).Ok();
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            times.Add((await Stratus("sqs", "list-queues")).Ok().Elapsed);
        }
        var help = (await CliProcess.StratusAsync("ec2", "describe-instances", "help")).Ok().Elapsed;
        log.WriteLine($"stratus sqs list-queues: {string.Join(", ", times.Select(t => $"{t.TotalMilliseconds:0} ms"))}; ec2 describe-instances help: {help.TotalMilliseconds:0} ms");
        Assert.True(times.Min() < TimeSpan.FromSeconds(5), "start-up is slow: " + times.Min());
    }

    [ProtocolFact("query")]
    public async Task StsGetCallerIdentity()
    {
        var identity = (await Stratus("sts", "get-caller-identity")).Ok().Json;
        Assert.Equal("000000000000", (string?)identity["Account"]);
        Assert.StartsWith("arn:aws:", (string?)identity["Arn"], StringComparison.Ordinal);
        var account = (await Stratus("sts", "get-caller-identity", "--query", "Account", "--output", "text")).Ok();
        Assert.Equal("000000000000\n", account.Output);
    }

    [ProtocolFact("ec2")]
    public async Task Ec2KeyPairs()
    {
        var name = Unique("k-");
        var created = (await Stratus("ec2", "create-key-pair", "--key-name", name, "--tag-specifications", "ResourceType=key-pair,Tags=[{Key=env,Value=dev}]")).Ok().Json;
        Assert.StartsWith("-----BEGIN", (string)created["KeyMaterial"]!, StringComparison.Ordinal);
        var names = (await Stratus("ec2", "describe-key-pairs", "--query", "KeyPairs[].KeyName", "--output", "text")).Ok();
        Assert.Contains(name, names.Output.Trim().Split('\t'));
        var filtered = (await Stratus("ec2", "describe-key-pairs", "--filters", $"Name=key-name,Values={name}", "Name=tag:env,Values=dev")).Ok().Json;
        Assert.Equal(name, (string?)filtered["KeyPairs"]![0]!["KeyName"]);
        Assert.Equal("dev", (string?)filtered["KeyPairs"]![0]!["Tags"]![0]!["Value"]);
        var time = (string)filtered["KeyPairs"]![0]!["CreateTime"]!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$", time);

        var duplicate = await Stratus("ec2", "create-key-pair", "--key-name", name);
        Assert.Equal(254, duplicate.ExitCode);
        Assert.StartsWith("An error occurred (InvalidKeyPair.Duplicate) when calling the CreateKeyPair operation: ", duplicate.Error, StringComparison.Ordinal);
        Assert.Equal(1, duplicate.Error.Count(c => c == '\n'));

        var dryRun = await Stratus("ec2", "delete-key-pair", "--key-name", name, "--dry-run");
        Assert.Equal(254, dryRun.ExitCode);
        Assert.Contains("(DryRunOperation)", dryRun.Error, StringComparison.Ordinal);
        (await Stratus("ec2", "delete-key-pair", "--key-name", name, "--no-dry-run")).Ok();
    }

    [ProtocolFact("ec2")]
    public async Task Ec2InstancesWithTheCountShortcut()
    {
        var run = (await Stratus("ec2", "run-instances", "--image-id", "ami-12345678", "--instance-type", "t3.micro", "--count", "2",
            "--query", "Instances[].InstanceId", "--output", "text")).Ok();
        var ids = run.Output.Trim().Split('\t');
        Assert.Equal(2, ids.Length);
        var one = (await Stratus("ec2", "run-instances", "--image-id", "ami-12345678", "--query", "length(Instances)")).Ok();
        Assert.Equal("1\n", one.Output);
        var states = (await Stratus(["ec2", "describe-instances", "--instance-ids", .. ids, "--query", "Reservations[].Instances[].State.Name", "--output", "text"])).Ok();
        Assert.Matches(@"^(pending|running)\t(pending|running)\n$", states.Output);
        var table = (await Stratus(["ec2", "describe-instances", "--instance-ids", ids[0], "--output", "table"])).Ok();
        Assert.Contains("DescribeInstances", table.Output, StringComparison.Ordinal);
        Assert.Contains(ids[0], table.Output, StringComparison.Ordinal);
        (await Stratus(["ec2", "terminate-instances", "--instance-ids", .. ids])).Ok();
    }

    [ProtocolFact("rest-xml")]
    public async Task S3apiUploadDownloadAndList()
    {
        var bucket = Unique("b-");
        (await Stratus("s3api", "create-bucket", "--bucket", bucket)).Ok();
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var data = RandomNumberGenerator.GetBytes(100_000);
            var upload = Path.Combine(dir.FullName, "up.bin");
            await File.WriteAllBytesAsync(upload, data);
            var put = (await Stratus("s3api", "put-object", "--bucket", bucket, "--key", "a/b.bin", "--body", upload, "--metadata", "owner=me")).Ok().Json;
            Assert.NotNull(put["ETag"]);
            var download = Path.Combine(dir.FullName, "down.bin");
            var got = (await Stratus("s3api", "get-object", "--bucket", bucket, "--key", "a/b.bin", download)).Ok().Json;
            Assert.Equal(data.Length, (long)got["ContentLength"]!);
            Assert.Null(got["Body"]);
            Assert.Equal("me", (string?)got["Metadata"]!["owner"]);
            Assert.Equal(data, await File.ReadAllBytesAsync(download));
            var keys = (await Stratus("s3api", "list-objects-v2", "--bucket", bucket, "--query", "Contents[].Key", "--output", "text")).Ok();
            Assert.Equal("a/b.bin\n", keys.Output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WaitListsWaitersAndReportsAFailedWaiterInOneLine()
    {
        var wait = await Stratus("sqs", "wait", "help");
        Assert.Equal(0, wait.ExitCode);
        Assert.Contains("sqs has no waiters", wait.Output, StringComparison.Ordinal);
        // A malformed instance id: InvalidInstanceID.Malformed matches no acceptor (only NotFound is retried),
        // so the waiter fails at once, reported as the AWS CLI reports it.
        var ec2 = await Stratus("ec2", "wait", "instance-running", "--instance-ids", "i-1");
        Assert.Equal(255, ec2.ExitCode);
        Assert.StartsWith("Waiter InstanceRunning failed: ", ec2.Error, StringComparison.Ordinal);
        Assert.Single(ec2.Error.Trim().Split('\n'));
    }
}
