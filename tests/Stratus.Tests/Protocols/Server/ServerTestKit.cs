using System.Text;
using System.Text.Json.Nodes;
using Stratus.Conformance;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>A bundled model's client and server protocols side by side, and the trips between them.</summary>
internal sealed class ServerTestKit
{
    public ServerTestKit(string service)
    {
        Model = ModelLoader.Default.LoadService(service);
        Client = ProtocolRegistry.For(Model);
        Server = ServerProtocolRegistry.For(Model).First();
    }

    public ServiceModel Model { get; }

    public IWireProtocol Client { get; }

    public IServerProtocol Server { get; }

    public OperationModel Operation(string name) => Model.GetOperation(name);

    /// <summary>Serializes the input with the client and hands it to the server as a request.</summary>
    public ServerRequest Send(string operation, JsonObject input) =>
        WireRequests.ToServer(Client.SerializeRequest(Operation(operation), input));

    /// <summary>Finds and parses a request on the server; the operation must be <paramref name="expected"/>.</summary>
    public JsonObject Receive(ServerRequest request, string expected)
    {
        var found = Server.FindOperation(Model, request);
        Assert.Equal(expected, found?.Name);
        return Server.ParseRequest(found!, request);
    }

    /// <summary>Writes an output on the server and parses it on the client (without its ResponseMetadata).</summary>
    public (ServerResponse Response, JsonObject Result) Answer(string operation, JsonObject output)
    {
        var op = Operation(operation);
        var response = Server.SerializeResponse(op, output);
        var result = Client.ParseResponse(op, WireRequests.ToRaw(response, op.StreamingOutput is not null));
        result.Remove("ResponseMetadata");
        return (response, result);
    }

    /// <summary>A server response body as text.</summary>
    public static string Text(ServerResponse response) => Encoding.UTF8.GetString(response.Body.Span);

    /// <summary>Asserts that <paramref name="actual"/> holds the same data as <paramref name="expected"/> (both normalized as the suites compare).</summary>
    public static void AssertSame(JsonObject expected, JsonObject actual)
    {
        var diff = ValueComparer.Diff("value", ValueComparer.Normalize(expected), actual);
        Assert.True(diff is null, diff);
    }

    /// <summary>A request with a raw body, for what no client would send.</summary>
    public static ServerRequest Raw(string method, string path, string body, params (string Key, string? Value)[] query) => new()
    {
        Method = method,
        Path = path,
        Query = query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)).ToList(),
        Body = Encoding.UTF8.GetBytes(body),
    };
}
