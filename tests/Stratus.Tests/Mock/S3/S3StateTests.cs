using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.S3;

namespace Stratus.Tests.Mock.S3;

public sealed class S3StateTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "stratus-s3-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task State_saved_as_JSON_loads_into_a_new_service_over_the_same_blobs()
    {
        var before = new S3Harness(new MockBlobStore(_directory));
        var version = before.Service.StateVersion;
        await before.CreateBucket("keep");
        Assert.True(before.Service.StateVersion > version);
        var data = S3Harness.Data(200_000, 5);
        await before.Put("keep", "dir/data.bin", data, new JsonObject { ["ContentType"] = "application/x-test", ["Metadata"] = new JsonObject { ["m"] = "1" }, ["ChecksumAlgorithm"] = "SHA256" });
        var upload = (string)(await before.Call("CreateMultipartUpload", new JsonObject { ["Bucket"] = "keep", ["Key"] = "pending", ["ChecksumAlgorithm"] = "CRC32C" }))["UploadId"]!;
        var part = await before.Call("UploadPart", new JsonObject { ["Bucket"] = "keep", ["Key"] = "pending", ["UploadId"] = upload, ["PartNumber"] = 1, ["Body"] = NativeValues.Blob([1, 2, 3]) });

        version = before.Service.StateVersion;
        await before.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "keep" });
        await before.Call("HeadObject", new JsonObject { ["Bucket"] = "keep", ["Key"] = "dir/data.bin" });
        Assert.Equal(version, before.Service.StateVersion);

        var saved = before.Service.SaveState().ToJsonString();
        var after = new S3Harness(new MockBlobStore(_directory), new S3Service());
        after.Service.LoadState(JsonNode.Parse(saved)!);
        Assert.Equal(saved, after.Service.SaveState().ToJsonString());

        Assert.Equal(data, await after.GetBytes("keep", "dir/data.bin"));
        var head = await after.Call("HeadObject", new JsonObject { ["Bucket"] = "keep", ["Key"] = "dir/data.bin", ["ChecksumMode"] = "ENABLED" });
        Assert.Equal("application/x-test", (string?)head["ContentType"]);
        Assert.Equal("1", (string?)head["Metadata"]!["m"]);
        Assert.NotNull(head["ChecksumSHA256"]);
        Assert.Equal(before.Clock.Now, S3Harness.Time(head["LastModified"]));

        var parts = await after.Call("ListParts", new JsonObject { ["Bucket"] = "keep", ["Key"] = "pending", ["UploadId"] = upload });
        Assert.Equal((string?)part["ETag"], (string?)parts["Parts"]![0]!["ETag"]);
        await after.Call("CompleteMultipartUpload", new JsonObject
        {
            ["Bucket"] = "keep",
            ["Key"] = "pending",
            ["UploadId"] = upload,
            ["MultipartUpload"] = new JsonObject
            {
                ["Parts"] = new JsonArray(new JsonObject { ["PartNumber"] = 1, ["ETag"] = part["ETag"]!.DeepClone(), ["ChecksumCRC32C"] = part["ChecksumCRC32C"]!.DeepClone() }),
            },
        });
        Assert.Equal([1, 2, 3], await after.GetBytes("keep", "pending"));

        // A new upload after loading gets an id that lists after the loaded one's.
        var next = (string)(await after.Call("CreateMultipartUpload", new JsonObject { ["Bucket"] = "keep", ["Key"] = "pending" }))["UploadId"]!;
        Assert.True(string.CompareOrdinal(next, upload) > 0);
        // Only live blobs remain in the directory: the data, and the completed object; parts are gone.
        Assert.Equal(2, Directory.GetFiles(_directory).Length);
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_stay_consistent()
    {
        var s3 = new S3Harness();
        await s3.CreateBucket("bkt");
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            await s3.Put("bkt", $"k{i % 50:D2}", $"v{i}");
            await s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt" });
            await s3.GetBytes("bkt", $"k{i % 50:D2}");
        });
        var page = await s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt" });
        Assert.Equal(50, (int)page["KeyCount"]!);
        // One change per bucket creation and per write.
        Assert.Equal(201, s3.Service.StateVersion);
    }
}
