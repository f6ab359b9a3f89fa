using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Services.Sqs;

namespace Stratus.Tests.Mock.Sqs;

public sealed class SqsPersistenceTests
{
    [Fact]
    public async Task SaveAndLoadRoundTrip()
    {
        var before = new SqsHarness();
        var version = before.Service.StateVersion;
        var dlq = await before.CreateQueueAsync("keep-dead");
        var url = (string)(await before.CallAsync("CreateQueue", new JsonObject
        {
            ["QueueName"] = "keep",
            ["Attributes"] = new JsonObject { ["VisibilityTimeout"] = "45", ["RedrivePolicy"] = """{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:keep-dead","maxReceiveCount":5}""" },
            ["tags"] = new JsonObject { ["team"] = "core" },
        }))["QueueUrl"]!;
        var fifo = await before.CreateQueueAsync("keep.fifo", new JsonObject { ["FifoQueue"] = "true" });
        Assert.NotEqual(version, before.Service.StateVersion);

        await before.SendAsync(url, "in flight");
        await before.SendAsync(url, "visible", new JsonObject { ["MessageAttributes"] = new JsonObject { ["bin"] = new JsonObject { ["DataType"] = "Binary", ["BinaryValue"] = NativeValues.Blob([9, 8]) } } });
        var inFlight = Assert.Single(await before.ReceiveAsync(url, max: 1))!;
        var sentFifo = await before.SendAsync(fifo, "f", new JsonObject { ["MessageGroupId"] = "g", ["MessageDeduplicationId"] = "d" });

        var saved = before.Service.SaveState().ToJsonString();
        var after = new SqsHarness { Service = new SqsService() };
        after.Clock.SetUtcNow(before.Clock.GetUtcNow());
        after.Service.LoadState(JsonNode.Parse(saved)!);
        Assert.Equal(saved, after.Service.SaveState().ToJsonString());

        var attributes = await after.AttributesAsync(url, "All");
        Assert.Equal("45", (string?)attributes["VisibilityTimeout"]);
        Assert.Equal("1", (string?)attributes["ApproximateNumberOfMessages"]);
        Assert.Equal("1", (string?)attributes["ApproximateNumberOfMessagesNotVisible"]);
        Assert.Contains("keep-dead", (string?)attributes["RedrivePolicy"], StringComparison.Ordinal);
        Assert.Equal("core", (string?)(await after.CallAsync("ListQueueTags", new JsonObject { ["QueueUrl"] = url }))["Tags"]!["team"]);

        // The receipt handle from before the restart still deletes its message.
        await after.CallAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = inFlight["ReceiptHandle"]!.DeepClone() });
        var visible = Assert.Single(await after.ReceiveAsync(url, extra: new JsonObject { ["MessageAttributeNames"] = new JsonArray("All") }))!;
        Assert.True(NativeValues.TryGetBytes(visible["MessageAttributes"]!["bin"]!["BinaryValue"], out var bytes));
        Assert.Equal([9, 8], bytes);
        await after.CallAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = visible["ReceiptHandle"]!.DeepClone() });
        after.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await after.ReceiveAsync(url));

        // FIFO deduplication and sequence numbers carry over.
        var duplicate = await after.SendAsync(fifo, "f", new JsonObject { ["MessageGroupId"] = "g", ["MessageDeduplicationId"] = "d" });
        Assert.NotEqual((string?)sentFifo["MessageId"], (string?)duplicate["MessageId"]);
        var again = new SqsHarness { Service = new SqsService() };
        again.Clock.SetUtcNow(before.Clock.GetUtcNow());
        again.Service.LoadState(JsonNode.Parse(saved)!);
        Assert.Equal((string?)sentFifo["MessageId"], (string?)(await again.SendAsync(fifo, "f", new JsonObject { ["MessageGroupId"] = "g", ["MessageDeduplicationId"] = "d" }))["MessageId"]);
        Assert.Single(await again.ReceiveAsync(dlq.Replace("keep-dead", "keep.fifo", StringComparison.Ordinal)));
    }
}
