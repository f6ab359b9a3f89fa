using System.Formats.Cbor;
using System.Text.Json.Nodes;
using Stratus.Conformance;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>The smithy-rpc-v2-cbor server protocol on the bundled Translate model, against the client side.</summary>
public sealed class RpcV2CborServerProtocolTests
{
    private static readonly ServiceModel Translate = ModelLoader.Default.LoadService("translate");
    private static readonly IServerProtocol Server = ServerProtocolRegistry.For(Translate).First();

    [Fact]
    public void TranslateTextParsesBack()
    {
        var operation = Translate.GetOperation("TranslateText");
        var input = new JsonObject
        {
            ["Text"] = "Bonjour",
            ["SourceLanguageCode"] = "fr",
            ["TargetLanguageCode"] = "en",
            ["TerminologyNames"] = new JsonArray("t1"),
            ["Settings"] = new JsonObject { ["Formality"] = "FORMAL" },
        };
        var sent = ProtocolRegistry.For(Translate).SerializeRequest(operation, input);
        var request = WireRequests.ToServer(sent);

        var found = Server.FindOperation(Translate, request);
        var parsed = Server.ParseRequest(found!, request);

        Assert.Equal("smithy-rpc-v2-cbor", Server.Name);
        Assert.Equal("/service/AWSShineFrontendService_20170701/operation/TranslateText", sent.Path);
        Assert.Same(operation, found);
        Assert.Null(ValueComparer.Diff("input", ValueComparer.Normalize(input), parsed));
    }

    [Theory]
    [InlineData("/prefix/service/AWSShineFrontendService_20170701/operation/TranslateText", "POST", "TranslateText")]
    [InlineData("/service/AWSShineFrontendService_20170701/operation/TranslateText", "GET", null)]
    [InlineData("/service/OtherService/operation/TranslateText", "POST", null)]
    [InlineData("/service/AWSShineFrontendService_20170701/operation/NoSuchThing", "POST", null)]
    [InlineData("/", "POST", null)]
    public void FindsTheOperationFromThePath(string path, string method, string? expected) =>
        Assert.Equal(expected, Server.FindOperation(Translate, new ServerRequest { Method = method, Path = path })?.Name);

    [Fact]
    public void OutputParsesBackOnTheClient()
    {
        var operation = Translate.GetOperation("TranslateText");
        var output = new JsonObject { ["TranslatedText"] = "Hello", ["SourceLanguageCode"] = "fr", ["TargetLanguageCode"] = "en" };

        var response = Server.SerializeResponse(operation, output);
        var parsed = ProtocolRegistry.For(Translate).ParseResponse(operation, WireRequests.ToRaw(response, streams: false));

        Assert.Equal("rpc-v2-cbor", response.Headers["smithy-protocol"]);
        Assert.Equal("application/cbor", response.Headers["Content-Type"]);
        parsed.Remove("ResponseMetadata");
        Assert.Null(ValueComparer.Diff("output", ValueComparer.Normalize(output), parsed));
    }

    [Fact]
    public void ErrorCarriesTheShapeIdAndModeledStatus()
    {
        var operation = Translate.GetOperation("TranslateText");

        var response = Server.SerializeError(Translate, operation, new ServiceError("TooManyRequestsException", "Slow down", 400));
        var parsed = ProtocolRegistry.For(Translate).ParseError(operation, WireRequests.ToRaw(response, streams: false));

        Assert.Equal(429, response.StatusCode);
        Assert.Equal("rpc-v2-cbor", response.Headers["smithy-protocol"]);
        var reader = new CborReader(response.Body, CborConformanceMode.Lax);
        reader.ReadStartMap();
        Assert.Equal("__type", reader.ReadTextString());
        Assert.Equal("com.amazonaws.translate#TooManyRequestsException", reader.ReadTextString());
        Assert.Equal("TooManyRequestsException", parsed.Code);
        Assert.Equal("Slow down", parsed.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xBF, 0x64, 0x54, 0x65 })]
    [InlineData(new byte[] { 0x83, 0x01, 0x02, 0x03 })]
    [InlineData(new byte[] { 0xFF })]
    public void MalformedBodyIsASerializationException(byte[] body)
    {
        var operation = Translate.GetOperation("TranslateText");

        var e = Assert.Throws<ProtocolReadException>(() => Server.ParseRequest(operation, new ServerRequest { Method = "POST", Body = body }));

        Assert.Equal("SerializationException", e.Code);
    }
}
