using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Protocols.RestXml;

namespace Stratus.Tests.Protocols;

/// <summary>Streaming payloads pass through rest-xml untouched, in both directions.</summary>
public sealed class RestXmlStreamingTests
{
    [Fact]
    public void GetObject_body_is_passed_through_as_the_same_unread_stream()
    {
        var operation = XmlTestModels.RestXmlOperation("GetObject");
        var protocol = ProtocolRegistry.For(operation.Service);
        using var body = new CountingStream(new byte[1 << 20]);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Length"] = "1048576", ["ETag"] = "\"abc\"" };
        var result = protocol.ParseResponse(operation, new RawResponse(200, headers, ReadOnlyMemory<byte>.Empty, body));
        Assert.True(result["Body"] is JsonValue v && v.TryGetValue<Stream>(out var stream) && ReferenceEquals(stream, body));
        Assert.Equal(0, body.BytesRead);
        Assert.Equal(1048576L, (long?)result["ContentLength"]);
        Assert.Equal("\"abc\"", (string?)result["ETag"]);
    }

    [Fact]
    public void PutObject_stream_becomes_the_request_body_stream()
    {
        var operation = XmlTestModels.RestXmlOperation("PutObject");
        var protocol = ProtocolRegistry.For(operation.Service);
        using var body = new CountingStream(new byte[16]);
        var request = protocol.SerializeRequest(operation, new JsonObject
        {
            ["Bucket"] = "b",
            ["Key"] = "a/b c",
            ["Body"] = NativeValues.Stream(body),
        });
        Assert.Same(body, request.BodyStream);
        Assert.Equal(0, body.BytesRead);
        Assert.Equal("/b/a/b%20c", request.Path);
    }

    [Theory]
    [InlineData(200, "<Error><Code>InternalError</Code><Message>m</Message></Error>", true)]
    [InlineData(200, "<?xml version=\"1.0\"?>\n<CompleteMultipartUploadResult><ETag>x</ETag></CompleteMultipartUploadResult>", false)]
    [InlineData(200, "", false)]
    [InlineData(500, "<Error><Code>InternalError</Code></Error>", false)]
    public void A_200_response_carrying_an_Error_document_is_recognized(int status, string body, bool isError)
    {
        Assert.Equal(isError, RestXmlProtocol.IsErrorBody(XmlTestModels.Response(status, body)));
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            BytesRead += n;
            return n;
        }
    }
}
