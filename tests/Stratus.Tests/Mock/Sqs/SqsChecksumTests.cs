using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.Sqs;

public sealed class SqsChecksumTests
{
    [Fact]
    public async Task Md5OfMessageAttributesMatchesAwsDocumentedExample()
    {
        var sqs = new SqsHarness();
        var url = await sqs.CreateQueueAsync("md5");
        var sent = await sqs.SendAsync(url, "hello", new JsonObject
        {
            ["MessageAttributes"] = new JsonObject { ["a"] = new JsonObject { ["DataType"] = "String", ["StringValue"] = "x" } },
        });
        Assert.Equal("a512aac9938034acb0b3c3d965944bf1", (string?)sent["MD5OfMessageAttributes"]);
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", (string?)sent["MD5OfMessageBody"]);

        var received = Assert.Single(await sqs.ReceiveAsync(url, extra: new JsonObject { ["MessageAttributeNames"] = new JsonArray("All") }))!;
        Assert.Equal("a512aac9938034acb0b3c3d965944bf1", (string?)received["MD5OfMessageAttributes"]);
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", (string?)received["MD5OfBody"]);
    }
}
