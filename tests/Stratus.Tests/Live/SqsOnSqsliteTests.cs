using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Live;

/// <summary>
/// SQS over the query protocol against sqslite, which speaks nothing else. Today's SQS model speaks JSON,
/// so the test loads the older, query-protocol SQS model from Debian's python3-botocore (botocore 1.29,
/// installed by scripts/test.sh) through a model override directory: the way users pin a model.
/// </summary>
public sealed class SqsOnSqsliteTests
{
    private const string Variable = "EMU_SQS_URL";

    private const string DebianBotocoreData = "/usr/lib/python3/dist-packages/botocore/data";

    [EmulatorFact(Variable)]
    public async Task QueueSendReceiveDeleteOverQuery()
    {
        Assert.True(Directory.Exists(Path.Combine(DebianBotocoreData, "sqs")), $"{DebianBotocoreData} is missing: apt-get install python3-botocore (scripts/test.sh does)");
        using var sqs = Aws.Connect("sqs", new ClientOptions
        {
            EndpointUrl = Emulators.Url(Variable),
            Region = "us-east-1",
            Credentials = new AwsCredentials("AKIDLOCAL", "local-secret"),
            Models = new Stratus.Models.ModelLoader([DebianBotocoreData], includeEnvironment: false),
            Timeout = TimeSpan.FromSeconds(20),
        });
        Assert.Equal("query", sqs.Protocol);
        var name = "q" + Guid.NewGuid().ToString("N")[..10];
        var created = await sqs.CallAsync("CreateQueue", new JsonObject { ["QueueName"] = name, ["Attributes"] = new JsonObject { ["VisibilityTimeout"] = "30" } });
        var url = (string)created["QueueUrl"]!;
        Assert.EndsWith("/" + name, url, StringComparison.Ordinal);

        var sent = await sqs.CallAsync("SendMessage", new JsonObject { ["QueueUrl"] = url, ["MessageBody"] = "hello from stratus" });
        Assert.Equal(Md5("hello from stratus"), (string?)sent["MD5OfMessageBody"]);

        var received = await sqs.CallAsync("ReceiveMessage", new JsonObject { ["QueueUrl"] = url, ["MaxNumberOfMessages"] = 10, ["WaitTimeSeconds"] = 1 });
        var messages = received["Messages"]!.AsArray();
        Assert.Single(messages);
        Assert.Equal("hello from stratus", (string?)messages[0]!["Body"]);

        await sqs.CallAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = (string)messages[0]!["ReceiptHandle"]! });
        var attributes = sqs.Call("GetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["AttributeNames"] = new JsonArray("All") });
        Assert.Equal("30", (string?)attributes["Attributes"]!["VisibilityTimeout"]);
        await sqs.CallAsync("DeleteQueue", new JsonObject { ["QueueUrl"] = url });
    }

    private static string Md5(string s) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(s)));
}
