using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Mock.S3;

public class S3CopyTests : IAsyncLifetime
{
    private readonly S3Harness _s3 = new();

    public async Task InitializeAsync()
    {
        await _s3.CreateBucket("src");
        await _s3.CreateBucket("dst");
        await _s3.Put("src", "dir/a file ü.txt", "payload", new JsonObject { ["ContentType"] = "text/plain", ["Metadata"] = new JsonObject { ["k"] = "v" } });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("src/dir/a%20file%20%C3%BC.txt")]
    [InlineData("/src/dir/a%20file%20%C3%BC.txt")]
    [InlineData("src/dir/a file ü.txt?versionId=null")]
    public async Task Copy_keeps_data_and_metadata_by_default(string source)
    {
        _s3.Clock.Advance(TimeSpan.FromMinutes(5));
        var output = await Copy("dst", "copy", source);
        var result = output["CopyObjectResult"]!;
        Assert.Equal(S3Harness.Md5ETag("payload"u8.ToArray()), (string?)result["ETag"]);
        Assert.Equal(_s3.Clock.Now, S3Harness.Time(result["LastModified"]));
        Assert.Null(output["VersionId"]);
        Assert.Equal("payload"u8.ToArray(), await _s3.GetBytes("dst", "copy"));
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "dst", ["Key"] = "copy" });
        Assert.Equal("text/plain", (string?)head["ContentType"]);
        Assert.Equal("v", (string?)head["Metadata"]!["k"]);
    }

    [Fact]
    public async Task REPLACE_takes_headers_and_metadata_from_the_request()
    {
        await Copy("dst", "copy", "src/dir/a%20file%20%C3%BC.txt", new JsonObject
        {
            ["MetadataDirective"] = "REPLACE",
            ["ContentType"] = "application/json",
            ["Metadata"] = new JsonObject { ["new"] = "1" },
        });
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "dst", ["Key"] = "copy" });
        Assert.Equal("application/json", (string?)head["ContentType"]);
        Assert.Equal("1", (string?)head["Metadata"]!["new"]);
        Assert.Null(head["Metadata"]!["k"]);
        await _s3.Fails("CopyObject", CopyInput("dst", "x", "src/dir/a%20file%20%C3%BC.txt", new JsonObject { ["MetadataDirective"] = "MERGE" }), "InvalidArgument", 400);
    }

    [Fact]
    public async Task Copying_onto_itself_needs_a_change()
    {
        await _s3.Put("src", "self", "data");
        await _s3.Fails("CopyObject", CopyInput("src", "self", "src/self"), "InvalidRequest", 400);
        await Copy("src", "self", "src/self", new JsonObject { ["MetadataDirective"] = "REPLACE", ["Metadata"] = new JsonObject { ["n"] = "2" } });
        await Copy("src", "self", "src/self", new JsonObject { ["StorageClass"] = "STANDARD_IA" });
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "src", ["Key"] = "self" });
        Assert.Equal("2", (string?)head["Metadata"]!["n"]);
        Assert.Equal("STANDARD_IA", (string?)head["StorageClass"]);
        Assert.Equal("data"u8.ToArray(), await _s3.GetBytes("src", "self"));
    }

    [Fact]
    public async Task A_missing_or_malformed_source_is_an_error()
    {
        var e = await _s3.Fails("CopyObject", CopyInput("dst", "x", "src/none"), "NoSuchKey", 404);
        Assert.Equal("none", (string?)e.Error.Fields!["Key"]);
        e = await _s3.Fails("CopyObject", CopyInput("dst", "x", "nobucket/k"), "NoSuchBucket", 404);
        Assert.Equal("nobucket", (string?)e.Error.Fields!["BucketName"]);
        await _s3.Fails("CopyObject", CopyInput("nobucket", "x", "src/dir/a%20file%20%C3%BC.txt"), "NoSuchBucket", 404);
        await _s3.Fails("CopyObject", CopyInput("dst", "x", "justabucket"), "InvalidArgument", 400);
        await _s3.Fails("CopyObject", CopyInput("dst", "x", "src/dir/a%20file%20%C3%BC.txt?versionId=abc"), "InvalidArgument", 400);
    }

    [Fact]
    public async Task Source_conditions_fail_with_412()
    {
        const string source = "src/dir/a%20file%20%C3%BC.txt";
        var etag = S3Harness.Md5ETag("payload"u8.ToArray());
        await Copy("dst", "ok", source, new JsonObject { ["CopySourceIfMatch"] = etag });
        var e = await _s3.Fails("CopyObject", CopyInput("dst", "x", source, new JsonObject { ["CopySourceIfMatch"] = "\"nope\"" }), "PreconditionFailed", 412);
        Assert.Equal("x-amz-copy-source-If-Match", (string?)e.Error.Fields!["Condition"]);
        await _s3.Fails("CopyObject", CopyInput("dst", "x", source, new JsonObject { ["CopySourceIfNoneMatch"] = etag }), "PreconditionFailed", 412);
        await _s3.Fails("CopyObject", CopyInput("dst", "x", source, new JsonObject { ["CopySourceIfModifiedSince"] = NativeValues.Timestamp(_s3.Clock.Now) }), "PreconditionFailed", 412);
        await _s3.Fails("CopyObject", CopyInput("dst", "x", source, new JsonObject { ["CopySourceIfUnmodifiedSince"] = NativeValues.Timestamp(_s3.Clock.Now.AddDays(-1)) }), "PreconditionFailed", 412);
    }

    [Fact]
    public async Task A_copy_of_a_multipart_object_gets_a_plain_MD5_ETag()
    {
        var upload = (string)(await _s3.Call("CreateMultipartUpload", new JsonObject { ["Bucket"] = "src", ["Key"] = "mp" }))["UploadId"]!;
        var part = await _s3.Call("UploadPart", new JsonObject { ["Bucket"] = "src", ["Key"] = "mp", ["UploadId"] = upload, ["PartNumber"] = 1, ["Body"] = NativeValues.Blob("abc"u8.ToArray()) });
        await _s3.Call("CompleteMultipartUpload", new JsonObject
        {
            ["Bucket"] = "src",
            ["Key"] = "mp",
            ["UploadId"] = upload,
            ["MultipartUpload"] = new JsonObject { ["Parts"] = new JsonArray(new JsonObject { ["PartNumber"] = 1, ["ETag"] = part["ETag"]!.DeepClone() }) },
        });
        var output = await Copy("dst", "mp", "src/mp");
        Assert.Equal(S3Harness.Md5ETag("abc"u8.ToArray()), (string?)output["CopyObjectResult"]!["ETag"]);
    }

    private Task<JsonObject> Copy(string bucket, string key, string source, JsonObject? extra = null) => _s3.Call("CopyObject", CopyInput(bucket, key, source, extra));

    private static JsonObject CopyInput(string bucket, string key, string source, JsonObject? extra = null)
    {
        var input = extra ?? [];
        input["Bucket"] = bucket;
        input["Key"] = key;
        input["CopySource"] = source;
        return input;
    }
}
