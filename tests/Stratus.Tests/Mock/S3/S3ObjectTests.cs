using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Mock.S3;

public class S3ObjectTests : IAsyncLifetime
{
    private readonly S3Harness _s3 = new();

    public Task InitializeAsync() => _s3.CreateBucket("bkt");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Put_then_get_and_head_answer_the_stored_headers()
    {
        var expires = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var put = await _s3.Put("bkt", "dir/hello.txt", "hello world", new JsonObject
        {
            ["ContentType"] = "text/plain",
            ["CacheControl"] = "max-age=60",
            ["ContentDisposition"] = "attachment",
            ["ContentLanguage"] = "en",
            ["Expires"] = NativeValues.Timestamp(expires),
            ["Metadata"] = new JsonObject { ["Color"] = "blue", ["size"] = "L" },
            ["Tagging"] = "a=1&b=2",
        });
        var etag = S3Harness.Md5ETag(Encoding.UTF8.GetBytes("hello world"));
        Assert.Equal(etag, (string?)put["ETag"]);
        Assert.Equal("AES256", (string?)put["ServerSideEncryption"]);
        Assert.Null(put["VersionId"]);

        var get = await _s3.Call("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "dir/hello.txt" });
        Assert.Equal("hello world", Encoding.UTF8.GetString(await S3Harness.Body(get)));
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "dir/hello.txt" });
        Assert.Null(head["Body"]);
        foreach (var o in new[] { get, head })
        {
            Assert.Equal(etag, (string?)o["ETag"]);
            Assert.Equal(11L, (long)o["ContentLength"]!);
            Assert.Equal("bytes", (string?)o["AcceptRanges"]);
            Assert.Equal("text/plain", (string?)o["ContentType"]);
            Assert.Equal("max-age=60", (string?)o["CacheControl"]);
            Assert.Equal("attachment", (string?)o["ContentDisposition"]);
            Assert.Equal("en", (string?)o["ContentLanguage"]);
            Assert.Equal(expires, S3Harness.Time(o["Expires"]));
            Assert.Equal(_s3.Clock.Now, S3Harness.Time(o["LastModified"]));
            Assert.Equal("blue", (string?)o["Metadata"]!["color"]);
            Assert.Equal("L", (string?)o["Metadata"]!["size"]);
            Assert.Equal(2, (int)o["TagCount"]!);
            Assert.Null(o["VersionId"]);
            Assert.Null(o["StorageClass"]);
            Assert.Null(o["ContentRange"]);
            Assert.Null(o["ChecksumCRC64NVME"]);
        }
    }

    [Fact]
    public async Task Defaults_and_response_overrides()
    {
        await _s3.Put("bkt", "k", []);
        var get = await _s3.Call("GetObject", new JsonObject
        {
            ["Bucket"] = "bkt",
            ["Key"] = "k",
            ["ResponseContentType"] = "application/json",
            ["ResponseCacheControl"] = "no-cache",
        });
        Assert.Empty(await S3Harness.Body(get));
        Assert.Equal(0L, (long)get["ContentLength"]!);
        Assert.Equal("application/json", (string?)get["ContentType"]);
        Assert.Equal("no-cache", (string?)get["CacheControl"]);
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k" });
        Assert.Equal("binary/octet-stream", (string?)head["ContentType"]);
        Assert.Equal("\"d41d8cd98f00b204e9800998ecf8427e\"", (string?)head["ETag"]);
    }

    [Fact]
    public async Task A_large_body_streams_through_and_bytes_bodies_work_too()
    {
        var data = S3Harness.Data(3 * 1024 * 1024 + 17, 1);
        var put = await _s3.Put("bkt", "big", data);
        Assert.Equal(S3Harness.Md5ETag(data), (string?)put["ETag"]);
        Assert.Equal(data, await _s3.GetBytes("bkt", "big"));

        await _s3.Call("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "bytes", ["Body"] = NativeValues.Blob([1, 2, 3]) });
        Assert.Equal([1, 2, 3], await _s3.GetBytes("bkt", "bytes"));
    }

    [Fact]
    public async Task Missing_things_are_named_in_the_error()
    {
        var e = await _s3.Fails("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "nope" }, "NoSuchKey", 404);
        Assert.Equal("nope", (string?)e.Error.Fields!["Key"]);
        await _s3.Fails("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "nope" }, "NoSuchKey", 404);
        e = await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "nobucket", ["Key"] = "k" }, "NoSuchBucket", 404);
        Assert.Equal("nobucket", (string?)e.Error.Fields!["BucketName"]);
        await _s3.Fails("GetObject", new JsonObject { ["Bucket"] = "nobucket", ["Key"] = "k" }, "NoSuchBucket", 404);
        await _s3.Put("bkt", "k", "v");
        await _s3.Fails("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["VersionId"] = "v1" }, "InvalidArgument", 400);
        await _s3.Call("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["VersionId"] = "null" });
    }

    [Fact]
    public async Task Content_MD5_is_checked()
    {
        var md5 = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes("data")));
        await _s3.Put("bkt", "ok", "data", new JsonObject { ["ContentMD5"] = md5 });
        var wrong = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes("other")));
        var e = await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "bad", ["Body"] = NativeValues.Blob("data"u8.ToArray()), ["ContentMD5"] = wrong }, "BadDigest", 400);
        Assert.Equal(wrong, (string?)e.Error.Fields!["ExpectedDigest"]);
        Assert.Equal(md5, (string?)e.Error.Fields!["CalculatedDigest"]);
        await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "bad", ["Body"] = NativeValues.Blob("data"u8.ToArray()), ["ContentMD5"] = "nope" }, "InvalidDigest", 400);
        await _s3.Fails("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "bad" }, "NoSuchKey", 404);
    }

    [Fact]
    public async Task Keys_and_metadata_have_limits()
    {
        await _s3.Put("bkt", new string('k', 1024), "v");
        await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = new string('k', 1025) }, "KeyTooLongError", 400);
        await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "m", ["Metadata"] = new JsonObject { ["big"] = new string('x', 2100) } }, "MetadataTooLarge", 400);
    }

    [Fact]
    public async Task Overwriting_replaces_the_data_and_frees_the_old_blob()
    {
        await _s3.Put("bkt", "k", "one");
        var oldBlob = BlobOf("k");
        _s3.Clock.Advance(TimeSpan.FromMinutes(1));
        await _s3.Put("bkt", "k", "two");
        Assert.Equal("two"u8.ToArray(), await _s3.GetBytes("bkt", "k"));
        Assert.Throws<KeyNotFoundException>(() => _s3.Blobs.Open(oldBlob));
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k" });
        Assert.Equal(_s3.Clock.Now, S3Harness.Time(head["LastModified"]));
    }

    [Fact]
    public async Task Conditional_writes()
    {
        await _s3.Put("bkt", "k", "one", new JsonObject { ["IfNoneMatch"] = "*" });
        var e = await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["IfNoneMatch"] = "*" }, "PreconditionFailed", 412);
        Assert.Equal("If-None-Match", (string?)e.Error.Fields!["Condition"]);
        await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["IfMatch"] = "\"abc\"" }, "PreconditionFailed", 412);
        await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "absent", ["IfMatch"] = "\"abc\"" }, "NoSuchKey", 404);
        await _s3.Put("bkt", "k", "two", new JsonObject { ["IfMatch"] = S3Harness.Md5ETag("one"u8.ToArray()) });
        Assert.Equal("two"u8.ToArray(), await _s3.GetBytes("bkt", "k"));
    }

    [Fact]
    public async Task DeleteObject_is_idempotent_and_frees_the_blob()
    {
        await _s3.Put("bkt", "k", "v");
        var blob = BlobOf("k");
        await _s3.Call("DeleteObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k" });
        await _s3.Call("DeleteObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k" });
        await _s3.Fails("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k" }, "NoSuchKey", 404);
        Assert.Throws<KeyNotFoundException>(() => _s3.Blobs.Open(blob));
        await _s3.Fails("DeleteObject", new JsonObject { ["Bucket"] = "nobucket", ["Key"] = "k" }, "NoSuchBucket", 404);
    }

    [Fact]
    public async Task DeleteObjects_reports_each_key()
    {
        await _s3.Put("bkt", "a", "1");
        await _s3.Put("bkt", "c", "3");
        var request = new JsonObject
        {
            ["Bucket"] = "bkt",
            ["Delete"] = new JsonObject
            {
                ["Objects"] = new JsonArray(
                    new JsonObject { ["Key"] = "a" },
                    new JsonObject { ["Key"] = "missing" },
                    new JsonObject { ["Key"] = "c", ["VersionId"] = "3sL4kqtJlcpXroDTDmJ" },
                    new JsonObject { ["Key"] = "c", ["ETag"] = "\"wrong\"" }),
            },
        };
        var output = await _s3.Call("DeleteObjects", request);
        Assert.Equal(["a", "missing"], output["Deleted"]!.AsArray().Select(d => (string)d!["Key"]!));
        var errors = output["Errors"]!.AsArray();
        Assert.Equal(["NoSuchVersion", "PreconditionFailed"], errors.Select(d => (string)d!["Code"]!));
        Assert.Equal("3sL4kqtJlcpXroDTDmJ", (string?)errors[0]!["VersionId"]);
        await _s3.Fails("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "a" }, "NoSuchKey", 404);
        await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "c" });

        var quiet = await _s3.Call("DeleteObjects", new JsonObject
        {
            ["Bucket"] = "bkt",
            ["Delete"] = new JsonObject { ["Quiet"] = true, ["Objects"] = new JsonArray(new JsonObject { ["Key"] = "c" }, new JsonObject { ["Key"] = "x", ["VersionId"] = "v" }) },
        });
        Assert.Null(quiet["Deleted"]);
        Assert.Single(quiet["Errors"]!.AsArray());
        await _s3.Fails("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "c" }, "NoSuchKey", 404);
    }

    [Fact]
    public async Task DeleteObjects_limits()
    {
        var many = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode)new JsonObject { ["Key"] = $"k{i}" })]);
        await _s3.Fails("DeleteObjects", new JsonObject { ["Bucket"] = "bkt", ["Delete"] = new JsonObject { ["Objects"] = many } }, "MalformedXML", 400);
        await _s3.Fails("DeleteObjects", new JsonObject { ["Bucket"] = "bkt", ["Delete"] = new JsonObject { ["Objects"] = new JsonArray() } }, "MalformedXML", 400);
        await _s3.Fails("DeleteObjects", new JsonObject { ["Bucket"] = "none", ["Delete"] = new JsonObject { ["Objects"] = new JsonArray(new JsonObject { ["Key"] = "k" }) } }, "NoSuchBucket", 404);
    }

    private string BlobOf(string key) =>
        (string)_s3.Service.SaveState()["buckets"]![0]!["objects"]!.AsArray().Single(o => (string?)o!["key"] == key)!["blob"]!;
}
