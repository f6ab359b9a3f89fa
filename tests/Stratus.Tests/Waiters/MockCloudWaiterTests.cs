using System.Diagnostics;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Testing.Mock;
using Stratus.Waiters;

namespace Stratus.Tests.Waiters;

/// <summary>Service waiters against the in-process mock cloud: S3 BucketExists/ObjectExists, DynamoDB TableExists.</summary>
public sealed class MockCloudWaiterTests
{
    private static readonly WaiterOptions Fast = new() { Delay = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task BucketExists_and_ObjectExists_succeed_once_created()
    {
        await using var cloud = new MockCloud();
        using var s3 = Aws.Connect("s3", cloud.ClientOptions());
        var bucket = new JsonObject { ["Bucket"] = "waited" };
        var waiting = s3.WaitAsync("BucketExists", bucket, Fast);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "waited" });
        var found = await waiting;
        Assert.Equal(200, (int)found["ResponseMetadata"]!["HTTPStatusCode"]!);

        var key = new JsonObject { ["Bucket"] = "waited", ["Key"] = "k" };
        var e = Assert.Throws<WaiterException>(() => s3.Wait("ObjectExists", key, Fast with { MaxAttempts = 2 }));
        Assert.Equal(2, e.Attempts);
        Assert.Equal(WaiterState.Retry, e.LastState);
        await s3.CallAsync("PutObject", new JsonObject { ["Bucket"] = "waited", ["Key"] = "k", ["Body"] = Stratus.Protocols.NativeValues.Blob([1, 2, 3]) });
        Assert.Equal(3, (long)s3.Wait("ObjectExists", key, Fast)["ContentLength"]!);

        await s3.CallAsync("DeleteObject", key);
        var gone = await s3.WaitAsync("ObjectNotExists", key, Fast);
        Assert.Equal(404, (int)gone["ResponseMetadata"]!["HTTPStatusCode"]!);
    }

    [Fact]
    public async Task ObjectExists_times_out_and_honours_cancellation()
    {
        await using var cloud = new MockCloud();
        using var s3 = Aws.Connect("s3", cloud.ClientOptions());
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "empty" });
        var key = new JsonObject { ["Bucket"] = "empty", ["Key"] = "never" };
        var e = await Assert.ThrowsAsync<WaiterException>(() => s3.WaitAsync("ObjectExists", key, new WaiterOptions { Delay = TimeSpan.FromMilliseconds(30), Timeout = TimeSpan.FromMilliseconds(300) }));
        Assert.Contains("timed out", e.Message, StringComparison.Ordinal);
        Assert.Equal("ObjectExists", e.WaiterName);

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s3.WaitAsync("ObjectExists", key, null, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task TableExists_on_the_mock_DynamoDB()
    {
        await using var cloud = new MockCloud();
        using var ddb = Aws.Connect("dynamodb", cloud.ClientOptions());
        await ddb.CallAsync("CreateTable", JsonNode.Parse("""
            {"TableName": "waited", "BillingMode": "PAY_PER_REQUEST",
             "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}
            """)!.AsObject());
        var table = await ddb.WaitAsync("TableExists", new JsonObject { ["TableName"] = "waited" }, Fast);
        Assert.Equal("ACTIVE", (string?)table["Table"]!["TableStatus"]);
        var missing = await Assert.ThrowsAsync<WaiterException>(() => ddb.WaitAsync("TableExists", new JsonObject { ["TableName"] = "nope" }, Fast with { MaxAttempts = 2 }));
        Assert.Equal("ResourceNotFoundException", missing.LastError?.ErrorCode);
    }
}
