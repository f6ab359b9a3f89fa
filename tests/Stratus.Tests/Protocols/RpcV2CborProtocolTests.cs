using System.Formats.Cbor;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Protocols;

public sealed class RpcV2CborProtocolTests
{
    private const string Metadata = """{"protocol": "smithy-rpc-v2-cbor", "targetPrefix": "Weather"}""";

    private const string Shapes = """
        {"In": {"type": "structure", "members": {"City": {"shape": "S"}, "At": {"shape": "T"}, "Temp": {"shape": "F"}}},
         "S": {"type": "string"}, "T": {"type": "timestamp"}, "F": {"type": "float"}}
        """;

    [Fact]
    public void RequestIsACborMapPostedToTheOperationPath()
    {
        var op = ModelBuilder.Operation(Metadata, Shapes, """{"http": {"method": "GET", "requestUri": "/ignored"}, "input": {"shape": "In"}, "output": {"shape": "In"}}""");
        var input = new JsonObject { ["City"] = "Oslo", ["At"] = 1_700_000_000, ["Temp"] = -3.5 };

        var request = ProtocolRegistry.For(op.Service).SerializeRequest(op, input);

        Assert.Equal("POST", request.Method);
        Assert.Equal("/service/Weather/operation/Op", request.Path);
        Assert.Equal("rpc-v2-cbor", request.Headers["smithy-protocol"]);
        Assert.Equal("application/cbor", request.Headers["Content-Type"]);
        var r = new CborReader(request.Body);
        Assert.Equal(3, r.ReadStartMap());
        Assert.Equal("City", r.ReadTextString());
        Assert.Equal("Oslo", r.ReadTextString());
        Assert.Equal("At", r.ReadTextString());
        Assert.Equal(CborTag.UnixTimeSeconds, r.ReadTag());
        Assert.Equal(1_700_000_000, r.ReadInt64());
        Assert.Equal("Temp", r.ReadTextString());
        // Preferred serialization: the shortest width that keeps the value exactly (here half precision).
        Assert.Equal(CborReaderState.HalfPrecisionFloat, r.PeekState());
        Assert.Equal(-3.5f, r.ReadSingle());

        var response = ProtocolRegistry.For(op.Service).ParseResponse(op, new RawResponse(200, new Dictionary<string, string>(), request.Body));
        Assert.Equal("Oslo", response["City"]!.GetValue<string>());
        Assert.True(NativeValues.TryGetTimestamp(response["At"], out var at));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), at);
    }

    [Fact]
    public void OperationWithoutInputSendsNoBody()
    {
        var op = ModelBuilder.Operation(Metadata, Shapes, """{"http": {"method": "POST", "requestUri": "/"}}""");

        var request = ProtocolRegistry.For(op.Service).SerializeRequest(op, []);

        Assert.False(request.HasBody);
        Assert.False(request.Headers.ContainsKey("Content-Type"));
        Assert.Equal("application/cbor", request.Headers["Accept"]);
    }
}
