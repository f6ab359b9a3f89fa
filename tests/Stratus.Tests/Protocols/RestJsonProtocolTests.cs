using System.Text;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Protocols;

public sealed class RestJsonProtocolTests
{
    private const string Metadata = """{"protocol": "rest-json", "apiVersion": "2020-01-01"}""";

    private const string Shapes = """
        {"Io": {"type": "structure", "payload": "Body",
                "members": {"Body": {"shape": "Stream"}, "Tag": {"shape": "S", "location": "header", "locationName": "X-Tag"}}},
         "Stream": {"type": "blob", "streaming": true},
         "S": {"type": "string"}}
        """;

    private static readonly Stratus.Models.OperationModel Op = ModelBuilder.Operation(
        Metadata, Shapes, """{"http": {"method": "PUT", "requestUri": "/obj"}, "input": {"shape": "Io"}, "output": {"shape": "Io"}}""");

    [Fact]
    public void StreamingOutputPayloadIsHandedOverUnread()
    {
        var protocol = ProtocolRegistry.For(Op.Service);
        using var body = new UnreadableStream();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Tag"] = "t1" };

        var result = protocol.ParseResponse(Op, new RawResponse(200, headers, ReadOnlyMemory<byte>.Empty, body));

        Assert.True(NativeValues.TryGetStream(result["Body"], out var stream));
        Assert.Same(body, stream);
        Assert.Equal("t1", result["Tag"]!.GetValue<string>());
    }

    [Fact]
    public void StreamingInputPayloadBecomesTheBodyStream()
    {
        var protocol = ProtocolRegistry.For(Op.Service);
        using var body = new UnreadableStream();

        var request = protocol.SerializeRequest(Op, new JsonObject { ["Body"] = NativeValues.Stream(body), ["Tag"] = "t1" });

        Assert.Same(body, request.BodyStream);
        Assert.True(request.Body.IsEmpty);
        Assert.Equal("t1", request.Headers["X-Tag"]);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/obj", request.PathAndQuery);
    }

    [Fact]
    public void ErrorCodeHeaderWinsOverBodyAndHeaderMembersAreRead()
    {
        var op = ModelBuilder.Operation(Metadata, """
            {"Oops": {"type": "structure", "exception": true,
                      "members": {"Message": {"shape": "S"}, "Hint": {"shape": "S", "location": "header", "locationName": "X-Hint"}}},
             "S": {"type": "string"}}
            """, """{"http": {"method": "GET", "requestUri": "/"}, "errors": [{"shape": "Oops"}]}""");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Amzn-Errortype"] = "com.example#Oops:http://internal.example.com/",
            ["X-Hint"] = "retry later",
            ["x-amzn-RequestId"] = "req-1",
        };

        var error = ProtocolRegistry.For(op.Service).ParseError(op, new RawResponse(400, headers, Encoding.UTF8.GetBytes("""{"code": "Other", "Message": "bad"}""")));

        Assert.Equal("Oops", error.Code);
        Assert.Equal("bad", error.Message);
        Assert.Equal("Oops", error.Shape?.Name);
        Assert.Equal("retry later", error.Document["Hint"]!.GetValue<string>());
        Assert.Equal("req-1", error.RequestId);
    }

    /// <summary>A stream that fails if anyone reads it: proves the payload is not buffered.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The payload was read.");
        public override int Read(Span<byte> buffer) => throw new InvalidOperationException("The payload was read.");
    }
}
