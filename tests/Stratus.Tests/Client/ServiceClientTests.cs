using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Pipeline;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Client;

public sealed class ServiceClientTests
{
    private static ServiceClient Connect(string service, RecordingHandler handler, int maxAttempts = 3) => Aws.Connect(service, new ClientOptions
    {
        Region = "us-east-1",
        EndpointUrl = new Uri("https://example.test"),
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        Transport = handler,
        Retry = new RetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(1) },
    });

    [Theory]
    [InlineData("DescribeTable")]
    [InlineData("describe_table")]
    [InlineData("describe-table")]
    public async Task OperationNamesInEveryStyle(string name)
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, """{"Table":{"TableName":"t","ItemCount":3,"CreationDateTime":1.5E9}}""");
        using var ddb = Connect("dynamodb", handler);
        var result = await ddb.CallAsync(name, new JsonObject { ["TableName"] = "t" });
        Assert.Equal(3, (long)result["Table"]!["ItemCount"]!);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_500_000_000), result["Table"]!["CreationDateTime"]!.GetValue<DateTimeOffset>());
        Assert.Equal(200, (int)result["ResponseMetadata"]!["HTTPStatusCode"]!);
        var sent = handler.Requests.Single();
        Assert.Equal("DynamoDB_20120810.DescribeTable", sent.Request.Headers.GetValues("X-Amz-Target").Single());
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", sent.Request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.Equal("""{"TableName":"t"}""", Encoding.UTF8.GetString(sent.Body));
    }

    [Fact]
    public void SyncCallRunsTheSamePath()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, """{"TableNames":["a","b"]}""");
        using var ddb = Connect("dynamodb", handler);
        var result = ddb.Call("ListTables");
        Assert.Equal(["a", "b"], result["TableNames"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public async Task InvalidInputIsRejectedBeforeSending()
    {
        var handler = new RecordingHandler();
        using var ddb = Connect("dynamodb", handler);
        var e = await Assert.ThrowsAsync<ClientException>(() => ddb.CallAsync("PutItem", new JsonObject
        {
            ["TableName"] = "x", // below the minimum length of 1? no: 1 char is fine; pattern and max apply
            ["Itemz"] = new JsonObject(),
            ["ReturnValues"] = "SOMETIMES",
        }));
        Assert.Equal(ClientErrorKind.InvalidInput, e.Kind);
        Assert.Equal("dynamodb", e.Service);
        Assert.Equal("PutItem", e.Operation);
        Assert.Contains(e.Problems, p => p.StartsWith("Item: missing required member", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Itemz: unknown member", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("ReturnValues: 'SOMETIMES' is not one of", StringComparison.Ordinal));
        Assert.Contains("dynamodb.PutItem", e.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void WrongTypesAndRangesNameTheMemberPath()
    {
        var handler = new RecordingHandler();
        using var ddb = Connect("dynamodb", handler);
        var e = Assert.Throws<ClientException>(() => ddb.Call("Scan", new JsonObject
        {
            ["TableName"] = "t",
            ["Limit"] = 0,
            ["ExclusiveStartKey"] = new JsonObject { ["k"] = new JsonObject { ["N"] = 5 } },
            ["AttributesToGet"] = new JsonArray("a", 3),
        }));
        Assert.Contains(e.Problems, p => p.StartsWith("Limit: 0 is below the minimum 1", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("ExclusiveStartKey.k.N: expected a string", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("AttributesToGet[1]: expected a string", StringComparison.Ordinal));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task ModeledErrorsBecomeServiceExceptions()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}""",
            headers: ("x-amzn-RequestId", "REQ123"));
        using var ddb = Connect("dynamodb", handler);
        var e = await Assert.ThrowsAsync<ServiceException>(() => ddb.CallAsync("DescribeTable", new JsonObject { ["TableName"] = "t" }));
        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
        Assert.Equal("Requested resource not found", e.ErrorMessage);
        Assert.Equal("REQ123", e.RequestId);
        Assert.Equal(400, e.StatusCode);
        Assert.False(e.IsRetryable);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task RetryableErrorsAreRetriedThenSucceed()
    {
        var handler = new RecordingHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailable"}""")
            .Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"slow down"}""")
            .Respond(HttpStatusCode.OK, """{"TableNames":[]}""");
        using var ddb = Connect("dynamodb", handler);
        var result = await ddb.CallAsync("ListTables");
        Assert.Empty(result["TableNames"]!.AsArray());
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task RetriesStopAtMaxAttempts()
    {
        var handler = new RecordingHandler()
            .Respond(HttpStatusCode.InternalServerError, """{"__type":"InternalServerError"}""")
            .Respond(HttpStatusCode.InternalServerError, """{"__type":"InternalServerError"}""");
        using var ddb = Connect("dynamodb", handler, maxAttempts: 2);
        var e = await Assert.ThrowsAsync<ServiceException>(() => ddb.CallAsync("ListTables"));
        Assert.True(e.IsRetryable);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task TransportFailuresAreRetriedAndReportedAsClientExceptions()
    {
        var handler = new RecordingHandler()
            .Fail(new HttpRequestException("connection reset"))
            .Fail(new HttpRequestException("connection reset"));
        using var ddb = Connect("dynamodb", handler, maxAttempts: 2);
        var e = await Assert.ThrowsAsync<ClientException>(() => ddb.CallAsync("ListTables"));
        Assert.Equal(ClientErrorKind.Transport, e.Kind);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void UnknownOperationNamesTheService()
    {
        using var ddb = Connect("dynamodb", new RecordingHandler());
        var e = Assert.Throws<ClientException>(() => ddb.Call("DescribeTabel"));
        Assert.Equal(ClientErrorKind.Unsupported, e.Kind);
        Assert.Contains("dynamodb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownServiceIsAClientException()
    {
        var e = Assert.Throws<ClientException>(() => Aws.Connect("no-such-service", new ClientOptions { Region = "us-east-1" }));
        Assert.Equal(ClientErrorKind.Unsupported, e.Kind);
    }

    [Fact]
    public void ToStringNeverShowsTheSecret()
    {
        var options = new ClientOptions { Credentials = new AwsCredentials("AKIDEXAMPLE", "SECRET-do-not-show", "TOKEN-do-not-show") };
        using var client = Aws.Connect("sts", new ClientOptions { Region = "us-east-1", Credentials = options.Credentials, Transport = new RecordingHandler() });
        foreach (var text in new[] { options.ToString(), client.ToString(), options.Credentials!.ToString() })
        {
            Assert.DoesNotContain("SECRET-do-not-show", text, StringComparison.Ordinal);
            Assert.DoesNotContain("TOKEN-do-not-show", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task S3ErrorInA200BodyIsAnErrorAndRetried()
    {
        var handler = new RecordingHandler()
            .Respond(HttpStatusCode.OK, "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>", "application/xml")
            .Respond(HttpStatusCode.OK, "<CompleteMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><ETag>\"abc-2\"</ETag></CompleteMultipartUploadResult>", "application/xml");
        using var s3 = Connect("s3", handler);
        var result = await s3.CallAsync("CompleteMultipartUpload", new JsonObject
        {
            ["Bucket"] = "b",
            ["Key"] = "k",
            ["UploadId"] = "u",
            ["MultipartUpload"] = new JsonObject { ["Parts"] = new JsonArray(new JsonObject { ["PartNumber"] = 1, ["ETag"] = "\"x\"" }) },
        });
        Assert.Equal("\"abc-2\"", (string?)result["ETag"]);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("/b/k", handler.Requests[0].Request.RequestUri!.AbsolutePath);
        Assert.Equal("uploadId=u", handler.Requests[0].Request.RequestUri!.Query.TrimStart('?'));
    }

    [Fact]
    public async Task ResponseMetadataHasEveryResponseHeaderByLowercaseName()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, "", "application/xml",
            ("ETag", "\"abc\""), ("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT"), ("x-amz-request-id", "R1"), ("X-Amz-Id-2", "H2"), ("X-Custom-Thing", "v"));
        using var s3 = Connect("s3", handler);
        var result = await s3.CallAsync("HeadObject", new JsonObject { ["Bucket"] = "b", ["Key"] = "k" });
        var metadata = result["ResponseMetadata"]!.AsObject();
        Assert.Equal("R1", (string?)metadata["RequestId"]);
        Assert.Equal("H2", (string?)metadata["HostId"]);
        var headers = metadata["HTTPHeaders"]!.AsObject();
        Assert.All(headers, h => Assert.Equal(h.Key.ToLowerInvariant(), h.Key));
        Assert.Equal("\"abc\"", (string?)headers["etag"]);
        Assert.Equal("Wed, 21 Oct 2015 07:28:00 GMT", (string?)headers["last-modified"]);
        Assert.Equal("R1", (string?)headers["x-amz-request-id"]);
        Assert.Equal("H2", (string?)headers["x-amz-id-2"]);
        Assert.Equal("v", (string?)headers["x-custom-thing"]);
        Assert.Equal("application/xml", (string?)headers["content-type"]);
    }
}
