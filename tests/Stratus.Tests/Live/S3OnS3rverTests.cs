using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Live;

/// <summary>S3 (rest-xml, SigV4 S3 variant) through the generic client against s3rver.</summary>
public sealed class S3OnS3rverTests
{
    private const string Variable = "EMU_S3RVER_URL";

    private static ServiceClient Client() => Aws.Connect("s3", new ClientOptions
    {
        EndpointUrl = Emulators.Url(Variable),
        Region = "us-east-1",
        Credentials = new AwsCredentials("S3RVER", "S3RVER"),
    });

    [EmulatorFact(Variable)]
    public async Task BucketObjectsPagedListingStreamedGetAndBatchDelete()
    {
        using var s3 = Client();
        var bucket = "stratus-" + Guid.NewGuid().ToString("N")[..12];
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = bucket });

        // 1,005 keys: more than one ListObjectsV2 page of 1,000.
        const int count = 1005;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await s3.CallAsync("PutObject", new JsonObject
            {
                ["Bucket"] = bucket,
                ["Key"] = $"k/{i:D5}",
                ["Body"] = Stratus.Protocols.NativeValues.Blob(System.Text.Encoding.UTF8.GetBytes($"object {i}")),
                ["ContentType"] = "text/plain",
            }, ct));

        var payload = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        using (var upload = new MemoryStream(payload))
        {
            var put = await s3.CallAsync("PutObject", new JsonObject
            {
                ["Bucket"] = bucket,
                ["Key"] = "big/object.bin",
                ["Body"] = Stratus.Protocols.NativeValues.Stream(upload),
                ["Metadata"] = new JsonObject { ["origin"] = "stratus-test" },
            });
            Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(payload))}\"", (string?)put["ETag"]);
        }

        var pages = new List<JsonObject>();
        await foreach (var page in s3.PaginateAsync("ListObjectsV2", new JsonObject { ["Bucket"] = bucket, ["Prefix"] = "k/" }))
        {
            pages.Add(page);
        }
        Assert.Equal(2, pages.Count);
        Assert.Equal(1000, pages[0]["Contents"]!.AsArray().Count);
        Assert.True((bool)pages[0]["IsTruncated"]!);
        var keys = s3.PaginateItems("ListObjectsV2", new JsonObject { ["Bucket"] = bucket, ["Prefix"] = "k/" }).Select(o => (string)o!["Key"]!).ToList();
        Assert.Equal(count, keys.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"k/{i:D5}"), keys);
        Assert.IsType<DateTimeOffset>(pages[0]["Contents"]![0]!["LastModified"]!.GetValue<DateTimeOffset>());

        var got = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = "big/object.bin" });
        Assert.Equal(payload.Length, (long)got["ContentLength"]!);
        Assert.Equal("stratus-test", (string?)got["Metadata"]!["origin"]);
        await using (var body = got["Body"]!.GetValue<Stream>())
        {
            Assert.False(body.CanSeek); // read from the connection, not a buffer
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy);
            Assert.Equal(payload, copy.ToArray());
        }

        var ranged = s3.Call("GetObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = "k/00042", ["Range"] = "bytes=0-5" });
        using (var reader = new StreamReader(ranged["Body"]!.GetValue<Stream>()))
        {
            Assert.Equal("object", reader.ReadToEnd());
        }

        foreach (var batch in keys.Append("big/object.bin").Chunk(1000))
        {
            var deleted = await s3.CallAsync("DeleteObjects", new JsonObject
            {
                ["Bucket"] = bucket,
                ["Delete"] = new JsonObject { ["Objects"] = new JsonArray(batch.Select(k => (JsonNode)new JsonObject { ["Key"] = k }).ToArray()) },
            });
            Assert.Equal(batch.Length, deleted["Deleted"]!.AsArray().Count);
        }
        var empty = await s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = bucket });
        Assert.Equal(0, (int)empty["KeyCount"]!);
        await s3.CallAsync("DeleteBucket", new JsonObject { ["Bucket"] = bucket });
    }

    [EmulatorFact(Variable)]
    public async Task MissingBucketIsServiceException()
    {
        using var s3 = Client();
        var e = await Assert.ThrowsAsync<ServiceException>(() => s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8] }));
        Assert.Equal("NoSuchBucket", e.ErrorCode);
        Assert.Equal(404, e.StatusCode);
    }
}
