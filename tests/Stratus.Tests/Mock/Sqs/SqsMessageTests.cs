using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Mock.Sqs;

public sealed class SqsMessageTests
{
    private readonly SqsHarness _sqs = new();

    [Fact]
    public async Task SendReceiveDelete()
    {
        var url = await _sqs.CreateQueueAsync("work");
        var sent = await _sqs.SendAsync(url, "hello");
        Assert.Equal(SqsHarness.Md5("hello"), (string?)sent["MD5OfMessageBody"]);
        Assert.True(Guid.TryParse((string?)sent["MessageId"], out _));
        Assert.Null(sent["MD5OfMessageAttributes"]);
        Assert.Null(sent["SequenceNumber"]);

        var received = await _sqs.ReceiveAsync(url, extra: new JsonObject { ["MessageSystemAttributeNames"] = new JsonArray("All") });
        var message = Assert.Single(received)!.AsObject();
        Assert.Equal("hello", (string?)message["Body"]);
        Assert.Equal((string?)sent["MessageId"], (string?)message["MessageId"]);
        Assert.Equal(SqsHarness.Md5("hello"), (string?)message["MD5OfBody"]);
        var attributes = message["Attributes"]!.AsObject();
        Assert.Equal("1", (string?)attributes["ApproximateReceiveCount"]);
        Assert.Equal(_sqs.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), (string?)attributes["SentTimestamp"]);
        Assert.Equal((string?)attributes["SentTimestamp"], (string?)attributes["ApproximateFirstReceiveTimestamp"]);
        Assert.Equal("000000000000", (string?)attributes["SenderId"]);

        await _sqs.CallAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = message["ReceiptHandle"]!.DeepClone() });
        _sqs.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await _sqs.ReceiveAsync(url));
        // Deleting again succeeds: the message is already gone.
        await _sqs.CallAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = message["ReceiptHandle"]!.DeepClone() });
    }

    [Fact]
    public async Task ReceiptHandlesAreChecked()
    {
        var url = await _sqs.CreateQueueAsync("handles");
        var other = await _sqs.CreateQueueAsync("other");
        await _sqs.SendAsync(url, "m");
        var handle = (string)(await _sqs.ReceiveAsync(url))[0]!["ReceiptHandle"]!;
        Assert.Equal("ReceiptHandleIsInvalid", (await _sqs.ErrorAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = "garbage!" })).Error.Code);
        Assert.Equal("ReceiptHandleIsInvalid", (await _sqs.ErrorAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = other, ["ReceiptHandle"] = handle })).Error.Code);
        Assert.Equal("MissingParameter", (await _sqs.ErrorAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url })).Error.Code);
    }

    [Fact]
    public async Task VisibilityTimeoutExpiresOnTheClock()
    {
        var url = await _sqs.CreateQueueAsync("visibility");
        await _sqs.SendAsync(url, "again");
        var first = Assert.Single(await _sqs.ReceiveAsync(url, visibility: 30))!;
        Assert.Empty(await _sqs.ReceiveAsync(url));
        _sqs.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await _sqs.ReceiveAsync(url));
        _sqs.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = Assert.Single(await _sqs.ReceiveAsync(url, extra: new JsonObject { ["AttributeNames"] = new JsonArray("ApproximateReceiveCount") }))!;
        Assert.Equal("2", (string?)second["Attributes"]!["ApproximateReceiveCount"]);
        Assert.NotEqual((string?)first["ReceiptHandle"], (string?)second["ReceiptHandle"]);

        // The older receipt handle no longer deletes the message (and is not an error).
        await _sqs.CallAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = first["ReceiptHandle"]!.DeepClone() });
        Assert.Equal("1", (string?)(await _sqs.AttributesAsync(url, "ApproximateNumberOfMessagesNotVisible"))["ApproximateNumberOfMessagesNotVisible"]);
        await _sqs.CallAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = second["ReceiptHandle"]!.DeepClone() });
        Assert.Equal("0", (string?)(await _sqs.AttributesAsync(url, "ApproximateNumberOfMessagesNotVisible"))["ApproximateNumberOfMessagesNotVisible"]);
    }

    [Fact]
    public async Task QueueVisibilityTimeoutIsTheDefault()
    {
        var url = await _sqs.CreateQueueAsync("qvis", new JsonObject { ["VisibilityTimeout"] = "5" });
        await _sqs.SendAsync(url, "m");
        Assert.Single(await _sqs.ReceiveAsync(url));
        _sqs.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(await _sqs.ReceiveAsync(url));
    }

    [Fact]
    public async Task ChangeMessageVisibility()
    {
        var url = await _sqs.CreateQueueAsync("change");
        await _sqs.SendAsync(url, "m");
        var handle = (string)(await _sqs.ReceiveAsync(url, visibility: 300))[0]!["ReceiptHandle"]!;
        await _sqs.CallAsync("ChangeMessageVisibility", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = handle, ["VisibilityTimeout"] = 0 });
        var again = Assert.Single(await _sqs.ReceiveAsync(url, visibility: 10))!;
        var handle2 = (string)again["ReceiptHandle"]!;

        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("ChangeMessageVisibility", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = handle2, ["VisibilityTimeout"] = 43201 })).Error.Code);
        // The old handle is stale; once the visibility ends the message is not in flight.
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("ChangeMessageVisibility", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = handle, ["VisibilityTimeout"] = 5 })).Error.Code);
        _sqs.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("MessageNotInflight", (await _sqs.ErrorAsync("ChangeMessageVisibility", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = handle2, ["VisibilityTimeout"] = 5 })).Error.Code);
    }

    [Fact]
    public async Task BatchesSendDeleteAndChangeVisibility()
    {
        var url = await _sqs.CreateQueueAsync("batch");
        var sent = await _sqs.CallAsync("SendMessageBatch", new JsonObject
        {
            ["QueueUrl"] = url,
            ["Entries"] = new JsonArray(
                new JsonObject { ["Id"] = "a", ["MessageBody"] = "first" },
                new JsonObject { ["Id"] = "b", ["MessageBody"] = "second", ["MessageAttributes"] = new JsonObject { ["k"] = new JsonObject { ["DataType"] = "String", ["StringValue"] = "v" } } },
                new JsonObject { ["Id"] = "c", ["MessageBody"] = "bad\u0001" }),
        });
        Assert.Equal(["a", "b"], sent["Successful"]!.AsArray().Select(e => (string)e!["Id"]!));
        Assert.Equal(SqsHarness.Md5("second"), (string?)sent["Successful"]![1]!["MD5OfMessageBody"]);
        Assert.NotNull(sent["Successful"]![1]!["MD5OfMessageAttributes"]);
        var failed = Assert.Single(sent["Failed"]!.AsArray())!;
        Assert.Equal("c", (string?)failed["Id"]);
        Assert.Equal("InvalidMessageContents", (string?)failed["Code"]);
        Assert.True((bool)failed["SenderFault"]!);

        var received = await _sqs.ReceiveAsync(url);
        Assert.Equal(2, received.Count);
        var change = await _sqs.CallAsync("ChangeMessageVisibilityBatch", new JsonObject
        {
            ["QueueUrl"] = url,
            ["Entries"] = new JsonArray(
                new JsonObject { ["Id"] = "x", ["ReceiptHandle"] = received[0]!["ReceiptHandle"]!.DeepClone(), ["VisibilityTimeout"] = 100 },
                new JsonObject { ["Id"] = "y", ["ReceiptHandle"] = "nonsense", ["VisibilityTimeout"] = 100 }),
        });
        Assert.Equal("x", (string?)Assert.Single(change["Successful"]!.AsArray())!["Id"]);
        Assert.Equal("ReceiptHandleIsInvalid", (string?)Assert.Single(change["Failed"]!.AsArray())!["Code"]);

        var deleted = await _sqs.CallAsync("DeleteMessageBatch", new JsonObject
        {
            ["QueueUrl"] = url,
            ["Entries"] = new JsonArray([.. received.Select((m, i) => (JsonNode)new JsonObject { ["Id"] = "d" + i, ["ReceiptHandle"] = m!["ReceiptHandle"]!.DeepClone() })]),
        });
        Assert.Equal(2, deleted["Successful"]!.AsArray().Count);
        Assert.Empty(deleted["Failed"]!.AsArray());
        _sqs.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await _sqs.ReceiveAsync(url));
    }

    [Fact]
    public async Task BatchRequestsAreChecked()
    {
        var url = await _sqs.CreateQueueAsync("batch-errors");
        async Task<string> Fails(JsonArray entries) =>
            (await _sqs.ErrorAsync("SendMessageBatch", new JsonObject { ["QueueUrl"] = url, ["Entries"] = entries })).Error.Code;
        Assert.Equal("EmptyBatchRequest", await Fails([]));
        Assert.Equal("TooManyEntriesInBatchRequest", await Fails([.. Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["Id"] = "e" + i, ["MessageBody"] = "x" })]));
        Assert.Equal("BatchEntryIdsNotDistinct", await Fails([new JsonObject { ["Id"] = "same", ["MessageBody"] = "x" }, new JsonObject { ["Id"] = "same", ["MessageBody"] = "y" }]));
        Assert.Equal("InvalidBatchEntryId", await Fails([new JsonObject { ["Id"] = "no spaces", ["MessageBody"] = "x" }]));
        Assert.Equal("BatchRequestTooLong", await Fails([.. Enumerable.Range(0, 5).Select(i => (JsonNode)new JsonObject { ["Id"] = "e" + i, ["MessageBody"] = new string('x', 250_000) })]));
        Assert.Equal("EmptyBatchRequest", (await _sqs.ErrorAsync("DeleteMessageBatch", new JsonObject { ["QueueUrl"] = url, ["Entries"] = new JsonArray() })).Error.Code);
    }

    [Fact]
    public async Task MessagesAreChecked()
    {
        var url = await _sqs.CreateQueueAsync("checks", new JsonObject { ["MaximumMessageSize"] = "1024" });
        Assert.Equal("InvalidMessageContents", (await _sqs.ErrorAsync("SendMessage", new JsonObject { ["QueueUrl"] = url, ["MessageBody"] = "\uFFFF" })).Error.Code);
        Assert.Equal("MissingParameter", (await _sqs.ErrorAsync("SendMessage", new JsonObject { ["QueueUrl"] = url })).Error.Code);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("SendMessage", new JsonObject { ["QueueUrl"] = url, ["MessageBody"] = new string('x', 1025) })).Error.Code);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("SendMessage", new JsonObject { ["QueueUrl"] = url, ["MessageBody"] = "x", ["DelaySeconds"] = 901 })).Error.Code);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("SendMessage", new JsonObject { ["QueueUrl"] = url, ["MessageBody"] = "x", ["MessageDeduplicationId"] = "d" })).Error.Code);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("SendMessage", new JsonObject
        {
            ["QueueUrl"] = url,
            ["MessageBody"] = "x",
            ["MessageAttributes"] = new JsonObject { ["n"] = new JsonObject { ["DataType"] = "Number", ["StringValue"] = "twelve" } },
        })).Error.Code);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("SendMessage", new JsonObject
        {
            ["QueueUrl"] = url,
            ["MessageBody"] = "x",
            ["MessageAttributes"] = new JsonObject { ["AWS.reserved"] = new JsonObject { ["DataType"] = "String", ["StringValue"] = "v" } },
        })).Error.Code);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("ReceiveMessage", new JsonObject { ["QueueUrl"] = url, ["MaxNumberOfMessages"] = 11 })).Error.Code);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("ReceiveMessage", new JsonObject { ["QueueUrl"] = url, ["WaitTimeSeconds"] = 21 })).Error.Code);
    }

    [Fact]
    public async Task DelayedMessagesAppearLater()
    {
        var url = await _sqs.CreateQueueAsync("delays");
        await _sqs.SendAsync(url, "later", new JsonObject { ["DelaySeconds"] = 10 });
        Assert.Empty(await _sqs.ReceiveAsync(url));
        Assert.Equal("1", (string?)(await _sqs.AttributesAsync(url, "ApproximateNumberOfMessagesDelayed"))["ApproximateNumberOfMessagesDelayed"]);
        _sqs.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(await _sqs.ReceiveAsync(url));
    }

    [Fact]
    public async Task MessagesExpireAfterTheRetentionPeriod()
    {
        var url = await _sqs.CreateQueueAsync("retention", new JsonObject { ["MessageRetentionPeriod"] = "60" });
        await _sqs.SendAsync(url, "short-lived");
        _sqs.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Empty(await _sqs.ReceiveAsync(url));
    }

    [Fact]
    public async Task MessageAttributesAndTheirDigest()
    {
        var url = await _sqs.CreateQueueAsync("attributes");
        var sent = await _sqs.SendAsync(url, "body", new JsonObject
        {
            ["MessageAttributes"] = new JsonObject
            {
                ["app.kind"] = new JsonObject { ["DataType"] = "String", ["StringValue"] = "order" },
                ["app.size"] = new JsonObject { ["DataType"] = "Number.int", ["StringValue"] = "42" },
                ["blob"] = new JsonObject { ["DataType"] = "Binary", ["BinaryValue"] = NativeValues.Blob([1, 2, 3]) },
            },
            ["MessageSystemAttributes"] = new JsonObject { ["AWSTraceHeader"] = new JsonObject { ["DataType"] = "String", ["StringValue"] = "Root=1-abc" } },
        });
        var expected = Md5OfAttributes(("app.kind", "String", 1, "order"u8.ToArray()), ("app.size", "Number.int", 1, "42"u8.ToArray()), ("blob", "Binary", 2, [1, 2, 3]));
        Assert.Equal(expected, (string?)sent["MD5OfMessageAttributes"]);
        Assert.Equal(Md5OfAttributes(("AWSTraceHeader", "String", 1, "Root=1-abc"u8.ToArray())), (string?)sent["MD5OfMessageSystemAttributes"]);

        // Only the attributes asked for come back, and the digest covers exactly those.
        var none = Assert.Single(await _sqs.ReceiveAsync(url, visibility: 0))!;
        Assert.Null(none["MessageAttributes"]);
        var some = Assert.Single(await _sqs.ReceiveAsync(url, visibility: 0, extra: new JsonObject { ["MessageAttributeNames"] = new JsonArray("app.*"), ["MessageSystemAttributeNames"] = new JsonArray("AWSTraceHeader") }))!;
        Assert.Equal(["app.kind", "app.size"], some["MessageAttributes"]!.AsObject().Select(p => p.Key));
        Assert.Equal(Md5OfAttributes(("app.kind", "String", 1, "order"u8.ToArray()), ("app.size", "Number.int", 1, "42"u8.ToArray())), (string?)some["MD5OfMessageAttributes"]);
        Assert.Equal("Root=1-abc", (string?)some["Attributes"]!["AWSTraceHeader"]);
        var all = Assert.Single(await _sqs.ReceiveAsync(url, visibility: 0, extra: new JsonObject { ["MessageAttributeNames"] = new JsonArray("All") }))!;
        Assert.Equal(expected, (string?)all["MD5OfMessageAttributes"]);
        Assert.True(NativeValues.TryGetBytes(all["MessageAttributes"]!["blob"]!["BinaryValue"], out var bytes));
        Assert.Equal([1, 2, 3], bytes);
        var named = Assert.Single(await _sqs.ReceiveAsync(url, visibility: 0, extra: new JsonObject { ["MessageAttributeNames"] = new JsonArray("blob") }))!;
        Assert.Equal(["blob"], named["MessageAttributes"]!.AsObject().Select(p => p.Key));
    }

    /// <summary>AWS's documented digest, written out independently of the service's code.</summary>
    private static string Md5OfAttributes(params (string Name, string Type, byte Transport, byte[] Value)[] attributes)
    {
        using var buffer = new MemoryStream();
        void Write(byte[] bytes)
        {
            buffer.Write([(byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length]);
            buffer.Write(bytes);
        }
        foreach (var (name, type, transport, value) in attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            Write(System.Text.Encoding.UTF8.GetBytes(name));
            Write(System.Text.Encoding.UTF8.GetBytes(type));
            buffer.WriteByte(transport);
            Write(value);
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(buffer.ToArray()));
    }
}
