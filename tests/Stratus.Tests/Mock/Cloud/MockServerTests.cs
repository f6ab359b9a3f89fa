using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Testing.Mock;

namespace Stratus.Tests.Mock.Cloud;

/// <summary>The mock cloud on a loopback port: real sockets, bad input, and the server keeps serving.</summary>
public sealed class MockServerTests
{
    private static ClientOptions Options(MockServer server) => new()
    {
        Region = "us-east-1",
        EndpointUrl = server.Url,
        Credentials = new AwsCredentials("test", "test"),
    };

    [Fact]
    public async Task ServesClientsOverLoopback()
    {
        await using var cloud = new MockCloud();
        await using var server = await cloud.StartServerAsync();
        Assert.Equal("127.0.0.1", server.Url.Host);
        using var sts = Aws.Connect("sts", Options(server));
        var identity = await sts.CallAsync("GetCallerIdentity");
        Assert.Equal("000000000000", (string?)identity["Account"]);
    }

    [Theory]
    [InlineData("application/x-amz-json-1.0", "DynamoDB_20120810.ListTables", "{not json")]
    [InlineData("application/x-amz-json-1.0", "AmazonSQS.ListQueues", "[1,2,3]")]
    [InlineData("application/x-www-form-urlencoded", null, "Action=GetCallerIdentity&Version=2011-06-15&%ZZ=1")]
    public async Task MalformedBodiesGetAnErrorAndTheServerKeepsServing(string contentType, string? target, string body)
    {
        await using var cloud = new MockCloud(new MockCloudOptions { VerifySignatures = false });
        await using var server = await cloud.StartServerAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }
        using var response = await http.SendAsync(request);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var sts = Aws.Connect("sts", Options(server));
        Assert.Equal("000000000000", (string?)(await sts.CallAsync("GetCallerIdentity"))["Account"]);
    }

    [Fact]
    public async Task MalformedXmlIsMalformedXml()
    {
        await using var cloud = new MockCloud(new MockCloudOptions { VerifySignatures = false });
        await using var server = await cloud.StartServerAsync();
        using var s3 = Aws.Connect("s3", Options(server));
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "x1" });
        using var http = new HttpClient();
        var response = await http.PostAsync(new Uri(server.Url, "/x1?delete"), new StringContent("<Delete><Object><Key>a</Key></Object", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>MalformedXML</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = "x1" }))["Contents"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task UnknownActionIsInvalidAction()
    {
        await using var cloud = new MockCloud(new MockCloudOptions { VerifySignatures = false });
        await using var server = await cloud.StartServerAsync();
        using var http = new HttpClient();
        var response = await http.PostAsync(server.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "LaunchRockets", ["Version"] = "2011-06-15" }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("InvalidAction", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedUploadDoesNotCreateTheObject()
    {
        await using var cloud = new MockCloud(new MockCloudOptions { VerifySignatures = false });
        await using var server = await cloud.StartServerAsync();
        using var s3 = Aws.Connect("s3", Options(server));
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "t1" });
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(server.Url.Host, server.Url.Port);
            var stream = tcp.GetStream();
            var head = $"PUT /t1/partial HTTP/1.1\r\nHost: {server.Url.Authority}\r\nContent-Length: 1000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + new string('x', 100)));
            await stream.FlushAsync();
        }
        await Task.Delay(300);
        var e = await Assert.ThrowsAsync<ServiceException>(() => s3.CallAsync("HeadObject", new JsonObject { ["Bucket"] = "t1", ["Key"] = "partial" }));
        Assert.Equal(404, e.StatusCode);
    }
}
