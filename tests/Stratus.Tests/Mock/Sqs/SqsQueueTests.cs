using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.Sqs;

public sealed class SqsQueueTests
{
    private readonly SqsHarness _sqs = new();

    [Fact]
    public async Task CreateQueueIsIdempotentOnlyWithTheSameAttributes()
    {
        var url = await _sqs.CreateQueueAsync("orders", new JsonObject { ["VisibilityTimeout"] = "60" });
        Assert.Equal("http://127.0.0.1:4566/000000000000/orders", url);
        Assert.Equal(url, await _sqs.CreateQueueAsync("orders", new JsonObject { ["VisibilityTimeout"] = "60" }));
        Assert.Equal(url, await _sqs.CreateQueueAsync("orders"));

        var e = await _sqs.ErrorAsync("CreateQueue", new JsonObject { ["QueueName"] = "orders", ["Attributes"] = new JsonObject { ["VisibilityTimeout"] = "61" } });
        Assert.Equal("QueueNameExists", e.Error.Code);
        Assert.Equal(400, e.Error.StatusCode);
    }

    [Fact]
    public async Task GetQueueUrlAndAnyHostFindTheQueue()
    {
        var url = await _sqs.CreateQueueAsync("q1");
        var got = await _sqs.CallAsync("GetQueueUrl", new JsonObject { ["QueueName"] = "q1" });
        Assert.Equal(url, (string?)got["QueueUrl"]);

        await _sqs.SendAsync("https://sqs.us-east-1.amazonaws.com/000000000000/q1", "via another host");
        Assert.Single(await _sqs.ReceiveAsync(url));

        Assert.Equal("QueueDoesNotExist", (await _sqs.ErrorAsync("GetQueueUrl", new JsonObject { ["QueueName"] = "nope" })).Error.Code);
        Assert.Equal("QueueDoesNotExist", (await _sqs.ErrorAsync("SendMessage", new JsonObject { ["QueueUrl"] = SqsHarness.Base + "000000000000/nope", ["MessageBody"] = "x" })).Error.Code);
        Assert.Equal("InvalidAddress", (await _sqs.ErrorAsync("DeleteQueue", new JsonObject { ["QueueUrl"] = "not-a-url" })).Error.Code);
    }

    [Fact]
    public async Task QueuesArePerAccountAndRegion()
    {
        await _sqs.CreateQueueAsync("shared");
        _sqs.Region = "eu-west-1";
        Assert.Equal("QueueDoesNotExist", (await _sqs.ErrorAsync("GetQueueUrl", new JsonObject { ["QueueName"] = "shared" })).Error.Code);
        _sqs.Region = "us-east-1";
        _sqs.Account = new("111111111111", "AKIDOTHER", "secret");
        Assert.Equal("QueueDoesNotExist", (await _sqs.ErrorAsync("GetQueueUrl", new JsonObject { ["QueueName"] = "shared" })).Error.Code);
        var other = await _sqs.CallAsync("GetQueueUrl", new JsonObject { ["QueueName"] = "shared", ["QueueOwnerAWSAccountId"] = "000000000000" });
        Assert.Equal(SqsHarness.Base + "000000000000/shared", (string?)other["QueueUrl"]);
    }

    [Fact]
    public async Task ListQueuesFiltersByPrefixAndPages()
    {
        foreach (var n in new[] { "app-a", "app-b", "app-c", "other" })
        {
            await _sqs.CreateQueueAsync(n);
        }
        var all = await _sqs.CallAsync("ListQueues", []);
        Assert.Equal(4, all["QueueUrls"]!.AsArray().Count);
        Assert.Null(all["NextToken"]);

        var first = await _sqs.CallAsync("ListQueues", new JsonObject { ["QueueNamePrefix"] = "app-", ["MaxResults"] = 2 });
        Assert.Equal([SqsHarness.Base + "000000000000/app-a", SqsHarness.Base + "000000000000/app-b"], first["QueueUrls"]!.AsArray().Select(u => (string)u!));
        var second = await _sqs.CallAsync("ListQueues", new JsonObject { ["QueueNamePrefix"] = "app-", ["MaxResults"] = 2, ["NextToken"] = first["NextToken"]!.DeepClone() });
        Assert.Equal([SqsHarness.Base + "000000000000/app-c"], second["QueueUrls"]!.AsArray().Select(u => (string)u!));
        Assert.Null(second["NextToken"]);

        Assert.Null((await _sqs.CallAsync("ListQueues", new JsonObject { ["QueueNamePrefix"] = "zzz" }))["QueueUrls"]);
        Assert.Equal("InvalidParameterValue", (await _sqs.ErrorAsync("ListQueues", new JsonObject { ["MaxResults"] = 0 })).Error.Code);
    }

    [Fact]
    public async Task DeleteQueueRemovesIt()
    {
        var url = await _sqs.CreateQueueAsync("gone");
        await _sqs.CallAsync("DeleteQueue", new JsonObject { ["QueueUrl"] = url });
        Assert.Equal("QueueDoesNotExist", (await _sqs.ErrorAsync("DeleteQueue", new JsonObject { ["QueueUrl"] = url })).Error.Code);
        Assert.Null((await _sqs.CallAsync("ListQueues", []))["QueueUrls"]);
    }

    [Fact]
    public async Task GetQueueAttributesAllAndSpecific()
    {
        var created = _sqs.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var url = await _sqs.CreateQueueAsync("attrs", new JsonObject { ["DelaySeconds"] = "5", ["MessageRetentionPeriod"] = "3600" });
        await _sqs.SendAsync(url, "one", new JsonObject { ["DelaySeconds"] = 0 });
        await _sqs.SendAsync(url, "two", new JsonObject { ["DelaySeconds"] = 0 });
        await _sqs.SendAsync(url, "delayed");
        Assert.Single(await _sqs.ReceiveAsync(url, max: 1));

        var all = await _sqs.AttributesAsync(url, "All");
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:attrs", (string?)all["QueueArn"]);
        Assert.Equal("1", (string?)all["ApproximateNumberOfMessages"]);
        Assert.Equal("1", (string?)all["ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal("1", (string?)all["ApproximateNumberOfMessagesDelayed"]);
        Assert.Equal(created, (string?)all["CreatedTimestamp"]);
        Assert.Equal("30", (string?)all["VisibilityTimeout"]);
        Assert.Equal("5", (string?)all["DelaySeconds"]);
        Assert.Equal("3600", (string?)all["MessageRetentionPeriod"]);
        Assert.Equal("262144", (string?)all["MaximumMessageSize"]);
        Assert.Equal("0", (string?)all["ReceiveMessageWaitTimeSeconds"]);
        Assert.Null(all["FifoQueue"]);
        Assert.Null(all["RedrivePolicy"]);

        var some = await _sqs.AttributesAsync(url, "QueueArn", "VisibilityTimeout");
        Assert.Equal(["QueueArn", "VisibilityTimeout"], some.Select(p => p.Key));
        Assert.Empty(await _sqs.AttributesAsync(url));
        Assert.Equal("InvalidAttributeName", (await _sqs.ErrorAsync("GetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["AttributeNames"] = new JsonArray("Bogus") })).Error.Code);
    }

    [Fact]
    public async Task SetQueueAttributesChecksNamesAndValues()
    {
        var url = await _sqs.CreateQueueAsync("settable");
        _sqs.Clock.Advance(TimeSpan.FromSeconds(10));
        await _sqs.CallAsync("SetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["Attributes"] = new JsonObject { ["VisibilityTimeout"] = "120", ["ReceiveMessageWaitTimeSeconds"] = "20" } });
        var a = await _sqs.AttributesAsync(url, "All");
        Assert.Equal("120", (string?)a["VisibilityTimeout"]);
        Assert.Equal("20", (string?)a["ReceiveMessageWaitTimeSeconds"]);
        Assert.Equal(long.Parse((string)a["CreatedTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture) + 10, long.Parse((string)a["LastModifiedTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture));

        async Task<string> Fails(string name, string value) =>
            (await _sqs.ErrorAsync("SetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["Attributes"] = new JsonObject { [name] = value } })).Error.Code;
        Assert.Equal("InvalidAttributeValue", await Fails("VisibilityTimeout", "43201"));
        Assert.Equal("InvalidAttributeValue", await Fails("DelaySeconds", "soon"));
        Assert.Equal("InvalidAttributeName", await Fails("Colour", "blue"));
        Assert.Equal("InvalidAttributeName", await Fails("QueueArn", "arn:aws:sqs:us-east-1:000000000000:x"));
        Assert.Equal("InvalidAttributeName", await Fails("ContentBasedDeduplication", "true"));
        Assert.Equal("InvalidAttributeName", await Fails("FifoQueue", "true"));
    }

    [Fact]
    public async Task QueueNamesAreChecked()
    {
        async Task<string> Fails(string name, JsonObject? attributes = null) =>
            (await _sqs.ErrorAsync("CreateQueue", new JsonObject { ["QueueName"] = name, ["Attributes"] = attributes ?? [] })).Error.Code;
        Assert.Equal("InvalidParameterValue", await Fails("has space"));
        Assert.Equal("InvalidParameterValue", await Fails(new string('a', 81)));
        Assert.Equal("InvalidParameterValue", await Fails("plain.fifo"));
        Assert.Equal("InvalidParameterValue", await Fails("notfifo", new JsonObject { ["FifoQueue"] = "true" }));
        Assert.Equal("MissingParameter", (await _sqs.ErrorAsync("CreateQueue", [])).Error.Code);
    }

    [Fact]
    public async Task PurgeRemovesEverythingOncePerMinute()
    {
        var url = await _sqs.CreateQueueAsync("purged");
        await _sqs.SendAsync(url, "a");
        await _sqs.SendAsync(url, "b");
        Assert.Single(await _sqs.ReceiveAsync(url, max: 1));
        await _sqs.CallAsync("PurgeQueue", new JsonObject { ["QueueUrl"] = url });
        Assert.Equal("0", (string?)(await _sqs.AttributesAsync(url, "ApproximateNumberOfMessages"))["ApproximateNumberOfMessages"]);
        Assert.Equal("0", (string?)(await _sqs.AttributesAsync(url, "ApproximateNumberOfMessagesNotVisible"))["ApproximateNumberOfMessagesNotVisible"]);

        Assert.Equal("PurgeQueueInProgress", (await _sqs.ErrorAsync("PurgeQueue", new JsonObject { ["QueueUrl"] = url })).Error.Code);
        _sqs.Clock.Advance(TimeSpan.FromSeconds(60));
        await _sqs.CallAsync("PurgeQueue", new JsonObject { ["QueueUrl"] = url });
    }

    [Fact]
    public async Task TagsAtCreationAndLater()
    {
        var url = (string)(await _sqs.CallAsync("CreateQueue", new JsonObject { ["QueueName"] = "tagged", ["tags"] = new JsonObject { ["team"] = "a", ["env"] = "dev" } }))["QueueUrl"]!;
        await _sqs.CallAsync("TagQueue", new JsonObject { ["QueueUrl"] = url, ["Tags"] = new JsonObject { ["env"] = "prod", ["cost"] = "1" } });
        await _sqs.CallAsync("UntagQueue", new JsonObject { ["QueueUrl"] = url, ["TagKeys"] = new JsonArray("team") });
        var tags = (await _sqs.CallAsync("ListQueueTags", new JsonObject { ["QueueUrl"] = url }))["Tags"]!.AsObject();
        Assert.Equal(["cost=1", "env=prod"], tags.Select(p => $"{p.Key}={p.Value}"));
        await _sqs.CallAsync("UntagQueue", new JsonObject { ["QueueUrl"] = url, ["TagKeys"] = new JsonArray("cost", "env") });
        Assert.Null((await _sqs.CallAsync("ListQueueTags", new JsonObject { ["QueueUrl"] = url }))["Tags"]);
    }

    [Fact]
    public async Task OperationsWithoutHandlersSayNotImplemented()
    {
        var e = await _sqs.ErrorAsync("AddPermission", []);
        Assert.Equal("NotImplemented", e.Error.Code);
    }
}
