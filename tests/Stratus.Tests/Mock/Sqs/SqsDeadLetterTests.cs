using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.Sqs;

public sealed class SqsDeadLetterTests
{
    private readonly SqsHarness _sqs = new();

    [Fact]
    public async Task MessagesMoveAfterMaxReceiveCount()
    {
        var dlq = await _sqs.CreateQueueAsync("dead");
        var policy = """{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dead","maxReceiveCount":"2"}""";
        var source = await _sqs.CreateQueueAsync("source", new JsonObject { ["RedrivePolicy"] = policy });
        Assert.Equal("""{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dead","maxReceiveCount":2}""", (string?)(await _sqs.AttributesAsync(source, "RedrivePolicy"))["RedrivePolicy"]);
        var sent = await _sqs.SendAsync(source, "poison");

        Assert.Single(await _sqs.ReceiveAsync(source, visibility: 0));
        Assert.Single(await _sqs.ReceiveAsync(source, visibility: 0));
        Assert.Empty(await _sqs.ReceiveAsync(source, visibility: 0));

        var moved = Assert.Single(await _sqs.ReceiveAsync(dlq, extra: new JsonObject { ["MessageSystemAttributeNames"] = new JsonArray("All") }))!;
        Assert.Equal((string?)sent["MessageId"], (string?)moved["MessageId"]);
        Assert.Equal("poison", (string?)moved["Body"]);
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:source", (string?)moved["Attributes"]!["DeadLetterQueueSourceArn"]);
        Assert.Equal("1", (string?)moved["Attributes"]!["ApproximateReceiveCount"]);

        var sources = await _sqs.CallAsync("ListDeadLetterSourceQueues", new JsonObject { ["QueueUrl"] = dlq });
        Assert.Equal([source], sources["queueUrls"]!.AsArray().Select(u => (string)u!));
        Assert.Empty((await _sqs.CallAsync("ListDeadLetterSourceQueues", new JsonObject { ["QueueUrl"] = source }))["queueUrls"]!.AsArray());
    }

    [Fact]
    public async Task LongPollOnTheDeadLetterQueueWakesOnRedrive()
    {
        var dlq = await _sqs.CreateQueueAsync("dead2");
        var source = await _sqs.CreateQueueAsync("source2", new JsonObject { ["RedrivePolicy"] = """{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dead2","maxReceiveCount":1}""" });
        await _sqs.SendAsync(source, "m");
        Assert.Single(await _sqs.ReceiveAsync(source, visibility: 0));
        var poll = _sqs.ReceiveAsync(dlq, wait: 20);
        Assert.Empty(await _sqs.ReceiveAsync(source));
        Assert.Single(await poll.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task RedrivePolicyIsChecked()
    {
        var url = await _sqs.CreateQueueAsync("src");
        await _sqs.CreateQueueAsync("fifo-dead.fifo", new JsonObject { ["FifoQueue"] = "true" });
        async Task<string> Fails(string policy) =>
            (await _sqs.ErrorAsync("SetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["Attributes"] = new JsonObject { ["RedrivePolicy"] = policy } })).Error.Code;
        Assert.Equal("InvalidParameterValue", await Fails("""{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:missing","maxReceiveCount":3}"""));
        Assert.Equal("InvalidParameterValue", await Fails("""{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:fifo-dead.fifo","maxReceiveCount":3}"""));
        Assert.Equal("InvalidParameterValue", await Fails("""{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:src","maxReceiveCount":0}"""));
        Assert.Equal("InvalidParameterValue", await Fails("not json"));

        // An empty policy removes it.
        await _sqs.CreateQueueAsync("dlq3");
        await _sqs.CallAsync("SetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["Attributes"] = new JsonObject { ["RedrivePolicy"] = """{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq3","maxReceiveCount":3}""" } });
        Assert.NotNull((await _sqs.AttributesAsync(url, "RedrivePolicy"))["RedrivePolicy"]);
        await _sqs.CallAsync("SetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["Attributes"] = new JsonObject { ["RedrivePolicy"] = "" } });
        Assert.Null((await _sqs.AttributesAsync(url, "RedrivePolicy"))["RedrivePolicy"]);
    }
}
