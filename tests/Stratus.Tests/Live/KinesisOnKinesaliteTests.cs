using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Live;

/// <summary>Kinesis (JSON 1.1, blobs as base64) through the generic client against kinesalite.</summary>
public sealed class KinesisOnKinesaliteTests
{
    private const string Variable = "EMU_KINESIS_URL";

    [EmulatorFact(Variable)]
    public async Task StreamPutAndGetRecords()
    {
        using var kinesis = Aws.Connect("kinesis", new ClientOptions
        {
            EndpointUrl = Emulators.Url(Variable),
            Region = "us-east-1",
            Credentials = new AwsCredentials("AKIDLOCAL", "local-secret"),
        });
        var name = "s" + Guid.NewGuid().ToString("N")[..10];
        await kinesis.CallAsync("CreateStream", new JsonObject { ["StreamName"] = name, ["ShardCount"] = 1 });
        JsonObject description = [];
        for (var i = 0; i < 100; i++)
        {
            description = await kinesis.CallAsync("DescribeStream", new JsonObject { ["StreamName"] = name });
            if ((string?)description["StreamDescription"]!["StreamStatus"] == "ACTIVE")
            {
                break;
            }
            await Task.Delay(50);
        }
        Assert.Equal("ACTIVE", (string?)description["StreamDescription"]!["StreamStatus"]);
        var shard = (string)description["StreamDescription"]!["Shards"]![0]!["ShardId"]!;

        var payload = Encoding.UTF8.GetBytes("record \u00e9\u00e8 with bytes \u0001\u0002");
        var put = await kinesis.CallAsync("PutRecord", new JsonObject
        {
            ["StreamName"] = name,
            ["PartitionKey"] = "pk",
            ["Data"] = Stratus.Protocols.NativeValues.Blob(payload),
        });
        Assert.Equal(shard, (string?)put["ShardId"]);

        var iterator = await kinesis.CallAsync("GetShardIterator", new JsonObject { ["StreamName"] = name, ["ShardId"] = shard, ["ShardIteratorType"] = "TRIM_HORIZON" });
        var records = await kinesis.CallAsync("GetRecords", new JsonObject { ["ShardIterator"] = (string)iterator["ShardIterator"]! });
        var record = records["Records"]!.AsArray().Single()!;
        Assert.Equal(payload, record["Data"]!.GetValue<byte[]>());
        Assert.IsType<DateTimeOffset>(record["ApproximateArrivalTimestamp"]!.GetValue<DateTimeOffset>());

        var listed = await kinesis.CallAsync("ListStreams");
        Assert.Contains(name, listed["StreamNames"]!.AsArray().Select(n => (string?)n));
        await kinesis.CallAsync("DeleteStream", new JsonObject { ["StreamName"] = name });
    }
}
