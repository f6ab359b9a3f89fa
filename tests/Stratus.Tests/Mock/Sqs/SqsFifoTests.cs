using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.Sqs;

public sealed class SqsFifoTests
{
    private readonly SqsHarness _sqs = new();

    private Task<string> CreateFifoAsync(string name, bool contentBased = false) =>
        _sqs.CreateQueueAsync(name, new JsonObject { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = contentBased ? "true" : "false" });

    private Task<JsonObject> SendAsync(string url, string body, string group, string? dedup = null)
    {
        var extra = new JsonObject { ["MessageGroupId"] = group };
        if (dedup is not null)
        {
            extra["MessageDeduplicationId"] = dedup;
        }
        return _sqs.SendAsync(url, body, extra);
    }

    [Fact]
    public async Task MessagesOfAGroupArriveInOrderOneInFlightAtATime()
    {
        var url = await CreateFifoAsync("orders.fifo", contentBased: true);
        Assert.Equal("true", (string?)(await _sqs.AttributesAsync(url, "FifoQueue"))["FifoQueue"]);
        var s1 = await SendAsync(url, "a1", "A");
        var s2 = await SendAsync(url, "a2", "A");
        await SendAsync(url, "a3", "A");
        await SendAsync(url, "b1", "B");
        Assert.True(string.CompareOrdinal((string?)s1["SequenceNumber"], (string?)s2["SequenceNumber"]) < 0);
        Assert.Equal(20, ((string?)s1["SequenceNumber"])!.Length);

        var first = Assert.Single(await _sqs.ReceiveAsync(url, max: 1))!;
        Assert.Equal("a1", (string?)first["Body"]);
        // Group A is blocked while a1 is in flight; B is not.
        var next = await _sqs.ReceiveAsync(url);
        Assert.Equal(["b1"], next.Select(m => (string)m!["Body"]!));
        await _sqs.CallAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = first["ReceiptHandle"]!.DeepClone() });
        var rest = await _sqs.ReceiveAsync(url, extra: new JsonObject { ["MessageSystemAttributeNames"] = new JsonArray("MessageGroupId", "SequenceNumber") });
        Assert.Equal(["a2", "a3"], rest.Select(m => (string)m!["Body"]!));
        Assert.Equal("A", (string?)rest[0]!["Attributes"]!["MessageGroupId"]);
        Assert.Equal((string?)s2["SequenceNumber"], (string?)rest[0]!["Attributes"]!["SequenceNumber"]);
    }

    [Fact]
    public async Task DuplicatesWithinFiveMinutesAreDropped()
    {
        var url = await CreateFifoAsync("dedup.fifo");
        var one = await SendAsync(url, "pay", "g", "payment-1");
        var two = await SendAsync(url, "pay again", "g", "payment-1");
        Assert.Equal((string?)one["MessageId"], (string?)two["MessageId"]);
        Assert.Equal((string?)one["SequenceNumber"], (string?)two["SequenceNumber"]);
        Assert.Equal(SqsHarness.Md5("pay again"), (string?)two["MD5OfMessageBody"]);
        Assert.Equal("1", (string?)(await _sqs.AttributesAsync(url, "ApproximateNumberOfMessages"))["ApproximateNumberOfMessages"]);

        _sqs.Clock.Advance(TimeSpan.FromMinutes(5));
        var three = await SendAsync(url, "pay", "g", "payment-1");
        Assert.NotEqual((string?)one["MessageId"], (string?)three["MessageId"]);
        Assert.Equal("2", (string?)(await _sqs.AttributesAsync(url, "ApproximateNumberOfMessages"))["ApproximateNumberOfMessages"]);
    }

    [Fact]
    public async Task ContentBasedDeduplicationUsesTheBody()
    {
        var url = await CreateFifoAsync("content.fifo", contentBased: true);
        var one = await SendAsync(url, "same", "g");
        var two = await SendAsync(url, "same", "g");
        var three = await SendAsync(url, "different", "g");
        Assert.Equal((string?)one["MessageId"], (string?)two["MessageId"]);
        Assert.NotEqual((string?)one["MessageId"], (string?)three["MessageId"]);
    }

    [Fact]
    public async Task FifoRulesAreChecked()
    {
        var url = await CreateFifoAsync("rules.fifo");
        Assert.Equal("MissingParameter", (await _sqs.ErrorAsync("SendMessage", new JsonObject { ["QueueUrl"] = url, ["MessageBody"] = "x", ["MessageDeduplicationId"] = "d" })).Error.Code);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("SendMessage", new JsonObject { ["QueueUrl"] = url, ["MessageBody"] = "x", ["MessageGroupId"] = "g" })).Error.Code);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("SendMessage", new JsonObject { ["QueueUrl"] = url, ["MessageBody"] = "x", ["MessageGroupId"] = "g", ["MessageDeduplicationId"] = "d", ["DelaySeconds"] = 5 })).Error.Code);
    }

    [Fact]
    public async Task ExpiredReceiptHandleCannotDelete()
    {
        var url = await CreateFifoAsync("expired.fifo", contentBased: true);
        await SendAsync(url, "m", "g");
        var handle = (string)(await _sqs.ReceiveAsync(url, visibility: 10))[0]!["ReceiptHandle"]!;
        _sqs.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = handle })).Error.Code);
    }
}
