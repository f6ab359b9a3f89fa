using System.Text;
using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>The rest-xml server side against the bundled S3 model, through the rest-xml client.</summary>
public sealed class S3ServerTests
{
    private readonly ServerTestKit _s3 = new("s3");

    [Fact]
    public void PutObject_with_metadata_and_a_stream_body_parses_back()
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("hello"));
        var request = _s3.Send("PutObject", new JsonObject
        {
            ["Bucket"] = "b",
            ["Key"] = "dir/a b+c.txt",
            ["ContentType"] = "text/plain",
            ["ContentLength"] = 5,
            ["Metadata"] = new JsonObject { ["color"] = "blue", ["size"] = "L" },
            ["Body"] = NativeValues.Stream(body),
        });
        var input = _s3.Receive(request, "PutObject");
        Assert.Equal("b", (string?)input["Bucket"]);
        Assert.Equal("dir/a b+c.txt", (string?)input["Key"]);
        Assert.Equal("text/plain", (string?)input["ContentType"]);
        Assert.Equal(5L, (long?)input["ContentLength"]);
        Assert.Equal("blue", (string?)input["Metadata"]!["color"]);
        Assert.Equal("L", (string?)input["Metadata"]!["size"]);
        Assert.True(NativeValues.TryGetStream(input["Body"], out var stream));
        Assert.Same(body, stream);
    }

    [Fact]
    public void ListObjectsV2_with_prefix_is_told_from_ListObjects()
    {
        var input = _s3.Receive(_s3.Send("ListObjectsV2", new JsonObject { ["Bucket"] = "b", ["Prefix"] = "photos/", ["MaxKeys"] = 10 }), "ListObjectsV2");
        ServerTestKit.AssertSame(new JsonObject { ["Bucket"] = "b", ["Prefix"] = "photos/", ["MaxKeys"] = 10 }, input);
        _s3.Receive(_s3.Send("ListObjects", new JsonObject { ["Bucket"] = "b", ["Prefix"] = "photos/" }), "ListObjects");
    }

    [Fact]
    public void Multipart_operations_on_one_path_are_told_apart()
    {
        _s3.Receive(_s3.Send("CreateMultipartUpload", new JsonObject { ["Bucket"] = "b", ["Key"] = "k" }), "CreateMultipartUpload");
        var part = _s3.Receive(_s3.Send("UploadPart", new JsonObject
        {
            ["Bucket"] = "b", ["Key"] = "k", ["PartNumber"] = 2, ["UploadId"] = "u1", ["Body"] = NativeValues.Stream(new MemoryStream([1, 2])),
        }), "UploadPart");
        Assert.Equal(2, (int?)part["PartNumber"]);
        _s3.Receive(_s3.Send("UploadPartCopy", new JsonObject
        {
            ["Bucket"] = "b", ["Key"] = "k", ["PartNumber"] = 1, ["UploadId"] = "u1", ["CopySource"] = "src/o",
        }), "UploadPartCopy");
        _s3.Receive(_s3.Send("CopyObject", new JsonObject { ["Bucket"] = "b", ["Key"] = "k", ["CopySource"] = "src/o" }), "CopyObject");
        _s3.Receive(_s3.Send("PutObject", new JsonObject { ["Bucket"] = "b", ["Key"] = "k" }), "PutObject");
    }

    [Theory]
    [InlineData("ListBuckets", "{}")]
    [InlineData("CreateBucket", """{"Bucket": "b"}""")]
    [InlineData("PutBucketAcl", """{"Bucket": "b", "ACL": "private"}""")]
    [InlineData("GetBucketAcl", """{"Bucket": "b"}""")]
    [InlineData("GetObjectAcl", """{"Bucket": "b", "Key": "k"}""")]
    [InlineData("GetObject", """{"Bucket": "b", "Key": "a/b/c"}""")]
    [InlineData("ListParts", """{"Bucket": "b", "Key": "k", "UploadId": "u"}""")]
    [InlineData("AbortMultipartUpload", """{"Bucket": "b", "Key": "k", "UploadId": "u"}""")]
    [InlineData("DeleteObject", """{"Bucket": "b", "Key": "k"}""")]
    [InlineData("ListMultipartUploads", """{"Bucket": "b"}""")]
    [InlineData("ListObjectVersions", """{"Bucket": "b"}""")]
    [InlineData("DeleteObjects", """{"Bucket": "b", "Delete": {"Objects": [{"Key": "a"}, {"Key": "b"}]}}""")]
    [InlineData("GetBucketLocation", """{"Bucket": "b"}""")]
    public void Client_requests_find_their_operation_and_parse_back(string operation, string json)
    {
        var sent = JsonNode.Parse(json)!.AsObject();
        ServerTestKit.AssertSame(sent, _s3.Receive(_s3.Send(operation, (JsonObject)sent.DeepClone()), operation));
    }

    [Fact]
    public void A_bucket_path_with_a_trailing_slash_is_the_bucket()
    {
        var input = _s3.Receive(ServerTestKit.Raw("GET", "/b/", ""), "ListObjects");
        Assert.Equal("b", (string?)input["Bucket"]);
    }

    [Fact]
    public void CompleteMultipartUpload_xml_body_parses_back()
    {
        var sent = new JsonObject
        {
            ["Bucket"] = "b",
            ["Key"] = "big/file.bin",
            ["UploadId"] = "u-1",
            ["MultipartUpload"] = new JsonObject
            {
                ["Parts"] = new JsonArray(
                    new JsonObject { ["ETag"] = "\"e1\"", ["PartNumber"] = 1 },
                    new JsonObject { ["ETag"] = "\"e2\"", ["PartNumber"] = 2 }),
            },
        };
        var input = _s3.Receive(_s3.Send("CompleteMultipartUpload", (JsonObject)sent.DeepClone()), "CompleteMultipartUpload");
        ServerTestKit.AssertSame(sent, input);
    }

    [Fact]
    public void ListObjectsV2_result_parses_on_the_client_into_the_same_data()
    {
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var output = new JsonObject
        {
            ["Name"] = "b",
            ["Prefix"] = "p/",
            ["KeyCount"] = 2,
            ["MaxKeys"] = 1000,
            ["IsTruncated"] = false,
            ["Contents"] = new JsonArray(
                new JsonObject { ["Key"] = "p/a", ["Size"] = 1L, ["LastModified"] = NativeValues.Timestamp(when), ["ETag"] = "\"x\"", ["StorageClass"] = "STANDARD" },
                new JsonObject { ["Key"] = "p/b & c", ["Size"] = 20L, ["LastModified"] = NativeValues.Timestamp(when), ["ETag"] = "\"y\"", ["StorageClass"] = "STANDARD" }),
        };
        var (response, result) = _s3.Answer("ListObjectsV2", (JsonObject)output.DeepClone());
        ServerTestKit.AssertSame(output, result);
        Assert.Contains("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">", ServerTestKit.Text(response), StringComparison.Ordinal);
        Assert.Equal(200, response.StatusCode);
        Assert.NotNull(response.Headers["x-amz-request-id"]);
    }

    [Fact]
    public void GetObject_streams_its_body_and_HeadObject_has_none()
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("data"));
        var response = _s3.Server.SerializeResponse(_s3.Operation("GetObject"), new JsonObject
        {
            ["Body"] = NativeValues.Stream(body), ["ContentLength"] = 4L, ["ETag"] = "\"e\"", ["Metadata"] = new JsonObject { ["color"] = "blue" },
        });
        Assert.Same(body, response.BodyStream);
        Assert.Equal("4", response.Headers["Content-Length"]);
        Assert.Equal("blue", response.Headers["x-amz-meta-color"]);
        var head = _s3.Server.SerializeResponse(_s3.Operation("HeadObject"), new JsonObject { ["ContentLength"] = 4L, ["ETag"] = "\"e\"" });
        Assert.True(head.Body.IsEmpty);
        Assert.Null(head.BodyStream);
        Assert.Equal("4", head.Headers["Content-Length"]);
    }

    [Fact]
    public void NoSuchBucket_written_by_the_server_parses_on_the_client()
    {
        var op = _s3.Operation("ListObjectsV2");
        var response = _s3.Server.SerializeError(_s3.Model, op, new ServiceError("NoSuchBucket", "The specified bucket does not exist", 404, new JsonObject { ["BucketName"] = "b" }));
        Assert.Equal(404, response.StatusCode);
        var text = ServerTestKit.Text(response);
        Assert.Contains("<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>b</BucketName><RequestId>", text, StringComparison.Ordinal);
        var error = _s3.Client.ParseError(op, WireRequests.ToRaw(response, streams: false));
        Assert.Equal("NoSuchBucket", error.Code);
        Assert.Equal("The specified bucket does not exist", error.Message);
        Assert.Equal(response.Headers["x-amz-request-id"], error.RequestId);
    }

    [Fact]
    public void An_error_to_HEAD_has_no_body()
    {
        var response = _s3.Server.SerializeError(_s3.Model, _s3.Operation("HeadObject"), new ServiceError("NotFound", "Not Found", 404));
        Assert.Equal(404, response.StatusCode);
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public void Malformed_xml_body_is_a_read_error()
    {
        var request = ServerTestKit.Raw("POST", "/b/k", "<CompleteMultipartUpload><Part>", ("uploadId", "u"));
        var e = Assert.Throws<ProtocolReadException>(() => _s3.Receive(request, "CompleteMultipartUpload"));
        Assert.Equal("MalformedXML", e.Code);
    }

    [Fact]
    public void Xml_body_with_a_doctype_is_rejected()
    {
        const string body = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <CompleteMultipartUpload><Part><ETag>&e;</ETag><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>
            """;
        var request = ServerTestKit.Raw("POST", "/b/k", body, ("uploadId", "u"));
        var e = Assert.Throws<ProtocolReadException>(() => _s3.Receive(request, "CompleteMultipartUpload"));
        Assert.Equal("MalformedXML", e.Code);
    }

    [Fact]
    public void Unmatched_request_finds_no_operation()
    {
        Assert.Null(_s3.Server.FindOperation(_s3.Model, ServerTestKit.Raw("PATCH", "/b/k", "")));
    }
}
