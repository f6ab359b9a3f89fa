using System.Text;
using System.Text.Json.Nodes;
using Stratus.Testing.Recording;

namespace Stratus.Tests.Recording;

public sealed class TrafficFormatTests
{
    [Fact]
    public void BodiesAreTextWhenUtf8AndBase64Otherwise()
    {
        var entry = new TrafficEntry
        {
            Service = "s3",
            Operation = "GetObject",
            Method = "GET",
            Uri = "https://b.s3.amazonaws.com/k",
            RequestHeaders = new Dictionary<string, string> { ["Accept"] = "*/*" },
            RequestBody = Encoding.UTF8.GetBytes("héllo"),
            StatusCode = 200,
            ResponseHeaders = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" },
            ResponseBody = [0xff, 0xfe, 0x00, 0x01],
        };
        var line = TrafficFile.Format(entry);
        var json = JsonNode.Parse(line)!;
        Assert.Equal("héllo", (string?)json["request"]!["body"]);
        Assert.Null(json["request"]!["bodyEncoding"]);
        Assert.Equal("base64", (string?)json["response"]!["bodyEncoding"]);
        Assert.DoesNotContain('\n', line);

        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, line + "\n\n" + line + "\n");
            var read = TrafficFile.Read(path);
            Assert.Equal(2, read.Count);
            Assert.Equal(entry.ResponseBody, read[0].ResponseBody);
            Assert.Equal(entry.RequestBody, read[1].RequestBody);
            Assert.Equal("GetObject", read[0].Operation);
            Assert.Equal("*/*", read[0].RequestHeaders["accept"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void XmlAndFormBodiesAreRedactedByName()
    {
        var names = new HashSet<string>(["SecretAccessKey", "SessionToken", "Password"]);
        var xml = "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s3cr3t</SecretAccessKey><SessionToken>t0k3n</SessionToken></Credentials></AssumeRoleResult></AssumeRoleResponse>";
        var redactedXml = Encoding.UTF8.GetString(BodyRedactor.Redact(Encoding.UTF8.GetBytes(xml), "text/xml", names));
        Assert.Equal("<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>***</SecretAccessKey><SessionToken>***</SessionToken></Credentials></AssumeRoleResult></AssumeRoleResponse>", redactedXml);

        var form = "Action=CreateLoginProfile&UserName=bob&Password=hunter2&Tags.member.1.Password=x";
        var redactedForm = Encoding.UTF8.GetString(BodyRedactor.Redact(Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded; charset=utf-8", names));
        Assert.Equal("Action=CreateLoginProfile&UserName=bob&Password=***&Tags.member.1.Password=***", redactedForm);

        var json = """{"Credentials":{"SecretAccessKey":"s","Nested":[{"Password":"p"}]},"Other":"é"}""";
        var redactedJson = Encoding.UTF8.GetString(BodyRedactor.Redact(Encoding.UTF8.GetBytes(json), null, names));
        Assert.Equal("""{"Credentials":{"SecretAccessKey":"***","Nested":[{"Password":"***"}]},"Other":"é"}""", redactedJson);

        var untouched = Encoding.UTF8.GetBytes("""{"a":1}""");
        Assert.Same(untouched, BodyRedactor.Redact(untouched, "application/json", names));
    }

    [Fact]
    public async Task ReplayUsesIdenticalExchangesInOrderAndCanMatchHeaders()
    {
        TrafficEntry Entry(string body, string header) => new()
        {
            Method = "GET",
            Uri = "https://example.test/obj?X-Amz-Signature=***&X-Amz-Date=20240101T000000Z&part=1",
            RequestHeaders = new Dictionary<string, string> { ["X-Custom"] = header, ["Authorization"] = "***" },
            StatusCode = 200,
            ResponseBody = Encoding.UTF8.GetBytes(body),
        };
        var options = new TrafficReplayerOptions { MatchHeaders = true };
        using var replayer = new TrafficReplayer([Entry("first", "a"), Entry("second", "a"), Entry("third", "b")], options);
        using var invoker = new HttpMessageInvoker(replayer);

        async Task<string> GetAsync(string header)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.test/obj?part=1&X-Amz-Signature=abc&X-Amz-Date=20250101T000000Z");
            request.Headers.TryAddWithoutValidation("X-Custom", header);
            request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 whatever");
            using var response = await invoker.SendAsync(request, CancellationToken.None);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Equal("third", await GetAsync("b"));
        Assert.Equal("first", await GetAsync("a"));
        Assert.Equal("second", await GetAsync("a"));
        var e = await Assert.ThrowsAsync<ReplayException>(() => GetAsync("c"));
        Assert.Contains("every recorded exchange was used", e.Message, StringComparison.Ordinal);
    }
}
