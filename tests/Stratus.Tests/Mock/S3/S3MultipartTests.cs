using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Mock.S3;

public class S3MultipartTests : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private static readonly byte[] Data = S3Harness.Data((10 * MiB) + 1000, 7);
    private readonly S3Harness _s3 = new();

    public Task InitializeAsync() => _s3.CreateBucket("bkt");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Parts_join_into_an_object_with_a_multipart_ETag()
    {
        var upload = await Create("big", new JsonObject { ["ContentType"] = "video/mp4", ["Metadata"] = new JsonObject { ["m"] = "1" } });
        var slices = new[] { Data[..(5 * MiB)], Data[(5 * MiB)..(10 * MiB)], Data[(10 * MiB)..] };
        var etags = new List<string>();
        // Out of order, and part 2 uploaded twice: the last upload of a number counts.
        await Upload("big", upload, 2, [9, 9, 9]);
        for (var i = slices.Length - 1; i >= 0; i--)
        {
            var output = await Upload("big", upload, i + 1, slices[i]);
            Assert.Equal(S3Harness.Md5ETag(slices[i]), (string?)output["ETag"]);
            etags.Insert(0, (string)output["ETag"]!);
        }

        var list = await _s3.Call("ListParts", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "big", ["UploadId"] = upload, ["MaxParts"] = 2 });
        Assert.Equal([1, 2], list["Parts"]!.AsArray().Select(p => (int)p!["PartNumber"]!));
        Assert.True((bool)list["IsTruncated"]!);
        Assert.Equal(2, (int)list["NextPartNumberMarker"]!);
        Assert.Equal(5L * MiB, (long)list["Parts"]![0]!["Size"]!);
        var rest = await _s3.Call("ListParts", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "big", ["UploadId"] = upload, ["PartNumberMarker"] = 2 });
        Assert.Equal([3], rest["Parts"]!.AsArray().Select(p => (int)p!["PartNumber"]!));
        Assert.False((bool)rest["IsTruncated"]!);

        var done = await Complete("big", upload, etags);
        var expected = "\"" + Convert.ToHexStringLower(MD5.HashData(slices.SelectMany(MD5.HashData).ToArray())) + "-3\"";
        Assert.Equal(expected, (string?)done["ETag"]);
        Assert.Equal("http://localhost:4566/bkt/big", (string?)done["Location"]);
        Assert.Equal("big", (string?)done["Key"]);

        Assert.Equal(Data, await _s3.GetBytes("bkt", "big"));
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "big" });
        Assert.Equal(expected, (string?)head["ETag"]);
        Assert.Equal("video/mp4", (string?)head["ContentType"]);
        Assert.Equal("1", (string?)head["Metadata"]!["m"]);
        Assert.Equal(Data.Length, (long)head["ContentLength"]!);

        var part2 = await _s3.Call("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "big", ["PartNumber"] = 2 });
        Assert.Equal(slices[1], await S3Harness.Body(part2));
        Assert.Equal(3, (int)part2["PartsCount"]!);
        Assert.Equal($"bytes {5 * MiB}-{(10 * MiB) - 1}/{Data.Length}", (string?)part2["ContentRange"]);
        await _s3.Fails("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "big", ["PartNumber"] = 4 }, "InvalidPartNumber", 416);

        await _s3.Fails("ListParts", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "big", ["UploadId"] = upload }, "NoSuchUpload", 404);
        Assert.Null((await _s3.Call("ListMultipartUploads", new JsonObject { ["Bucket"] = "bkt" }))["Uploads"]);
    }

    [Fact]
    public async Task Parts_but_the_last_must_be_5_MiB()
    {
        var upload = await Create("small");
        var e1 = (string)(await Upload("small", upload, 1, [1, 2, 3]))["ETag"]!;
        var e2 = (string)(await Upload("small", upload, 2, [4]))["ETag"]!;
        var e = await _s3.Fails("CompleteMultipartUpload", CompleteInput("small", upload, [e1, e2]), "EntityTooSmall", 400);
        Assert.Equal("3", (string?)e.Error.Fields!["ProposedSize"]);
        Assert.Equal("5242880", (string?)e.Error.Fields!["MinSizeAllowed"]);
        Assert.Equal("1", (string?)e.Error.Fields!["PartNumber"]);

        // The upload survives a failed completion; one small part alone is fine.
        var done = await _s3.Call("CompleteMultipartUpload", CompleteInput("small", upload, [e1]));
        Assert.EndsWith("-1\"", (string?)done["ETag"], StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], await _s3.GetBytes("bkt", "small"));
    }

    [Fact]
    public async Task Completion_checks_order_and_ETags()
    {
        var upload = await Create("k");
        var e1 = (string)(await Upload("k", upload, 1, Data[..(5 * MiB)]))["ETag"]!;
        var e2 = (string)(await Upload("k", upload, 2, [1]))["ETag"]!;
        var parts = new JsonArray(new JsonObject { ["PartNumber"] = 2, ["ETag"] = e2 }, new JsonObject { ["PartNumber"] = 1, ["ETag"] = e1 });
        var e = await _s3.Fails("CompleteMultipartUpload", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["UploadId"] = upload, ["MultipartUpload"] = new JsonObject { ["Parts"] = parts } }, "InvalidPartOrder", 400);
        Assert.Equal(upload, (string?)e.Error.Fields!["UploadId"]);
        e = await _s3.Fails("CompleteMultipartUpload", CompleteInput("k", upload, [e1, "\"0123\""]), "InvalidPart", 400);
        Assert.Equal("2", (string?)e.Error.Fields!["PartNumber"]);
        await _s3.Fails("CompleteMultipartUpload", CompleteInput("k", upload, [e1, e2, e2]), "InvalidPart", 400);
        await _s3.Fails("CompleteMultipartUpload", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["UploadId"] = upload, ["MultipartUpload"] = new JsonObject { ["Parts"] = new JsonArray() } }, "MalformedXML", 400);
        await _s3.Fails("CompleteMultipartUpload", CompleteInput("other-key", upload, [e1, e2]), "NoSuchUpload", 404);
        // ETags without quotes match too.
        await _s3.Call("CompleteMultipartUpload", CompleteInput("k", upload, [e1.Trim('"'), e2]));
    }

    [Fact]
    public async Task Abort_and_unknown_uploads()
    {
        var upload = await Create("k");
        await Upload("k", upload, 1, [1]);
        var blob = (string)_s3.Service.SaveState()["buckets"]![0]!["uploads"]![0]!["parts"]![0]!["blob"]!;
        await _s3.Call("AbortMultipartUpload", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["UploadId"] = upload });
        Assert.Throws<KeyNotFoundException>(() => _s3.Blobs.Open(blob));
        var e = await _s3.Fails("AbortMultipartUpload", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["UploadId"] = upload }, "NoSuchUpload", 404);
        Assert.Equal(upload, (string?)e.Error.Fields!["UploadId"]);
        await _s3.Fails("UploadPart", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["UploadId"] = "bogus", ["PartNumber"] = 1 }, "NoSuchUpload", 404);
        await _s3.Fails("CreateMultipartUpload", new JsonObject { ["Bucket"] = "none", ["Key"] = "k" }, "NoSuchBucket", 404);
        var live = await Create("k");
        await _s3.Fails("UploadPart", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["UploadId"] = live, ["PartNumber"] = 0 }, "InvalidArgument", 400);
        await _s3.Fails("UploadPart", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["UploadId"] = live, ["PartNumber"] = 10001 }, "InvalidArgument", 400);
    }

    [Fact]
    public async Task ListMultipartUploads_orders_rolls_up_and_pages()
    {
        var first = await Create("a/x");
        _s3.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Create("a/x");
        var third = await Create("b");
        await Create("c/y");

        var all = await _s3.Call("ListMultipartUploads", new JsonObject { ["Bucket"] = "bkt" });
        Assert.Equal([first, second, third], all["Uploads"]!.AsArray().Select(u => (string)u!["UploadId"]!).Take(3));
        Assert.Equal(4, all["Uploads"]!.AsArray().Count);
        Assert.NotNull(all["Uploads"]![0]!["Initiator"]);

        var rolled = await _s3.Call("ListMultipartUploads", new JsonObject { ["Bucket"] = "bkt", ["Delimiter"] = "/" });
        Assert.Equal(["b"], rolled["Uploads"]!.AsArray().Select(u => (string)u!["Key"]!));
        Assert.Equal(["a/", "c/"], rolled["CommonPrefixes"]!.AsArray().Select(p => (string)p!["Prefix"]!));

        var page1 = await _s3.Call("ListMultipartUploads", new JsonObject { ["Bucket"] = "bkt", ["MaxUploads"] = 1 });
        Assert.True((bool)page1["IsTruncated"]!);
        Assert.Equal("a/x", (string?)page1["NextKeyMarker"]);
        Assert.Equal(first, (string?)page1["NextUploadIdMarker"]);
        var page2 = await _s3.Call("ListMultipartUploads", new JsonObject
        {
            ["Bucket"] = "bkt",
            ["MaxUploads"] = 2,
            ["KeyMarker"] = page1["NextKeyMarker"]!.DeepClone(),
            ["UploadIdMarker"] = page1["NextUploadIdMarker"]!.DeepClone(),
        });
        Assert.Equal([second, third], page2["Uploads"]!.AsArray().Select(u => (string)u!["UploadId"]!));
        var afterKey = await _s3.Call("ListMultipartUploads", new JsonObject { ["Bucket"] = "bkt", ["KeyMarker"] = "a/x", ["Prefix"] = "c/" });
        Assert.Equal(["c/y"], afterKey["Uploads"]!.AsArray().Select(u => (string)u!["Key"]!));
    }

    [Fact]
    public async Task Composite_checksums_compose_the_parts_checksums()
    {
        var upload = await Create("sum", new JsonObject { ["ChecksumAlgorithm"] = "CRC32" });
        var slices = new[] { Data[..(5 * MiB)], Data[(5 * MiB)..(5 * MiB + 10)] };
        var sums = slices.Select(s => Convert.ToBase64String(System.IO.Hashing.Crc32.Hash(s).Reverse().ToArray())).ToArray();
        var parts = new JsonArray();
        for (var i = 0; i < slices.Length; i++)
        {
            var output = await Upload("sum", upload, i + 1, slices[i], new JsonObject { ["ChecksumCRC32"] = sums[i] });
            Assert.Equal(sums[i], (string?)output["ChecksumCRC32"]);
            parts.Add(new JsonObject { ["PartNumber"] = i + 1, ["ETag"] = output["ETag"]!.DeepClone(), ["ChecksumCRC32"] = sums[i] });
        }
        var listed = await _s3.Call("ListParts", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "sum", ["UploadId"] = upload });
        Assert.Equal(sums[0], (string?)listed["Parts"]![0]!["ChecksumCRC32"]);
        Assert.Equal("CRC32", (string?)listed["ChecksumAlgorithm"]);

        var missing = new JsonArray([.. parts.Select(p => { var c = p!.DeepClone().AsObject(); c.Remove("ChecksumCRC32"); return (JsonNode)c; })]);
        await _s3.Fails("CompleteMultipartUpload", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "sum", ["UploadId"] = upload, ["MultipartUpload"] = new JsonObject { ["Parts"] = missing } }, "InvalidRequest", 400);

        var done = await _s3.Call("CompleteMultipartUpload", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "sum", ["UploadId"] = upload, ["MultipartUpload"] = new JsonObject { ["Parts"] = parts } });
        var composite = Convert.ToBase64String(System.IO.Hashing.Crc32.Hash(sums.SelectMany(Convert.FromBase64String).ToArray()).Reverse().ToArray()) + "-2";
        Assert.Equal(composite, (string?)done["ChecksumCRC32"]);
        Assert.Equal("COMPOSITE", (string?)done["ChecksumType"]);
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "sum", ["ChecksumMode"] = "ENABLED" });
        Assert.Equal(composite, (string?)head["ChecksumCRC32"]);
        Assert.Equal("COMPOSITE", (string?)head["ChecksumType"]);
    }

    [Fact]
    public async Task Full_object_checksums_cover_the_joined_data()
    {
        var upload = await Create("full", new JsonObject { ["ChecksumAlgorithm"] = "CRC64NVME" });
        var create = await _s3.Call("ListMultipartUploads", new JsonObject { ["Bucket"] = "bkt" });
        Assert.Equal("FULL_OBJECT", (string?)create["Uploads"]![0]!["ChecksumType"]);
        var e1 = (string)(await Upload("full", upload, 1, Data[..(5 * MiB)]))["ETag"]!;
        var e2 = (string)(await Upload("full", upload, 2, Data[(5 * MiB)..]))["ETag"]!;
        var done = await Complete("full", upload, [e1, e2]);
        var whole = await _s3.Call("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "whole", ["Body"] = NativeValues.Blob(Data) });
        Assert.Equal((string?)whole["ChecksumCRC64NVME"], (string?)done["ChecksumCRC64NVME"]);
        Assert.Equal("FULL_OBJECT", (string?)done["ChecksumType"]);

        await _s3.Fails("CreateMultipartUpload", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "x", ["ChecksumAlgorithm"] = "SHA256", ["ChecksumType"] = "FULL_OBJECT" }, "InvalidRequest", 400);
        await _s3.Fails("CreateMultipartUpload", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "x", ["ChecksumAlgorithm"] = "CRC64NVME", ["ChecksumType"] = "COMPOSITE" }, "InvalidRequest", 400);
        await _s3.Fails("CreateMultipartUpload", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "x", ["ChecksumType"] = "COMPOSITE" }, "InvalidRequest", 400);
    }

    [Fact]
    public async Task A_part_with_a_wrong_checksum_or_digest_is_refused()
    {
        var upload = await Create("k", new JsonObject { ["ChecksumAlgorithm"] = "SHA256" });
        await _s3.Fails("UploadPart", PartInput("k", upload, 1, [1, 2], new JsonObject { ["ChecksumSHA256"] = Convert.ToBase64String(SHA256.HashData([9])) }), "BadDigest", 400);
        await _s3.Fails("UploadPart", PartInput("k", upload, 1, [1, 2], new JsonObject { ["ChecksumCRC32"] = "AAAAAA==" }), "InvalidRequest", 400);
        await _s3.Fails("UploadPart", PartInput("k", upload, 1, [1, 2], new JsonObject { ["ContentMD5"] = Convert.ToBase64String(MD5.HashData([9])) }), "BadDigest", 400);
        var listed = await _s3.Call("ListParts", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["UploadId"] = upload });
        Assert.Empty(listed["Parts"]!.AsArray());
    }

    private async Task<string> Create(string key, JsonObject? extra = null)
    {
        var input = extra ?? [];
        input["Bucket"] = "bkt";
        input["Key"] = key;
        var output = await _s3.Call("CreateMultipartUpload", input);
        Assert.Equal(key, (string?)output["Key"]);
        Assert.Equal("bkt", (string?)output["Bucket"]);
        return (string)output["UploadId"]!;
    }

    private Task<JsonObject> Upload(string key, string uploadId, int number, byte[] data, JsonObject? extra = null) =>
        _s3.Call("UploadPart", PartInput(key, uploadId, number, data, extra));

    private static JsonObject PartInput(string key, string uploadId, int number, byte[] data, JsonObject? extra = null)
    {
        var input = extra ?? [];
        input["Bucket"] = "bkt";
        input["Key"] = key;
        input["UploadId"] = uploadId;
        input["PartNumber"] = number;
        input["Body"] = NativeValues.Stream(new MemoryStream(data));
        return input;
    }

    private Task<JsonObject> Complete(string key, string uploadId, IEnumerable<string> etags) => _s3.Call("CompleteMultipartUpload", CompleteInput(key, uploadId, etags));

    private static JsonObject CompleteInput(string key, string uploadId, IEnumerable<string> etags) => new()
    {
        ["Bucket"] = "bkt",
        ["Key"] = key,
        ["UploadId"] = uploadId,
        ["MultipartUpload"] = new JsonObject
        {
            ["Parts"] = new JsonArray([.. etags.Select((e, i) => (JsonNode)new JsonObject { ["PartNumber"] = i + 1, ["ETag"] = e })]),
        },
    };
}
