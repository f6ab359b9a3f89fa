using System.Formats.Cbor;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Json;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Cbor;

/// <summary>
/// The server side of the <c>smithy-rpc-v2-cbor</c> protocol: the operation from
/// <c>POST [prefix]/service/{Service}/operation/{Operation}</c>, the input from the CBOR map body;
/// outputs are CBOR maps (no body when the operation has no output) and errors
/// <c>{"__type": "namespace#Name", "message": ...}</c>, every response marked <c>smithy-protocol: rpc-v2-cbor</c>.
/// </summary>
internal sealed class RpcV2CborServerProtocol : IServerProtocol
{
    private const string MediaType = "application/cbor";
    private const string ServiceSegment = "/service/";
    private const string OperationSegment = "/operation/";
    private static readonly Dictionary<string, Shape> EmptyMembers = [];
    private readonly ServiceMetadata _metadata;

    /// <summary>Creates the protocol for a service.</summary>
    public RpcV2CborServerProtocol(ServiceMetadata metadata)
    {
        _metadata = metadata;
    }

    /// <inheritdoc />
    public string Name => "smithy-rpc-v2-cbor";

    /// <inheritdoc />
    public OperationModel? FindOperation(ServiceModel service, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        // The path may have a prefix (an endpoint with a path); the last /service/ segment starts the route.
        var path = request.Path;
        var start = path.LastIndexOf(ServiceSegment, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var rest = path[(start + ServiceSegment.Length)..];
        var split = rest.IndexOf(OperationSegment, StringComparison.Ordinal);
        if (split < 0 || Uri.UnescapeDataString(rest[..split]) != RpcV2CborProtocol.ServiceName(service.Metadata))
        {
            return null;
        }
        var name = Uri.UnescapeDataString(rest[(split + OperationSegment.Length)..]);
        return service.TryGetOperation(name, out var operation) && operation.Name == name ? operation : null;
    }

    /// <inheritdoc />
    public JsonObject ParseRequest(OperationModel operation, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        var input = new JsonObject();
        if (request.Body.IsEmpty)
        {
            return input;
        }
        try
        {
            var reader = CborBodyReader.Open(request.Body);
            while (reader.PeekState() == CborReaderState.Tag)
            {
                reader.ReadTag();
            }
            if (reader.PeekState() != CborReaderState.StartMap)
            {
                throw new ProtocolReadException($"The request body of {operation.Name} is not a CBOR map.");
            }
            if (operation.Input is { } shape)
            {
                CborBodyReader.ReadStructure(shape, reader, input);
            }
            return input;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new ProtocolReadException($"The request body of {operation.Name} is not valid CBOR: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public ServerResponse SerializeResponse(OperationModel operation, JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(output);
        var response = Start(ServerResponses.Create(200, null));
        if (operation.Output is { } shape)
        {
            response.Body = CborBodyWriter.WriteStructure(shape, output);
            response.Headers["Content-Type"] = MediaType;
        }
        return response;
    }

    /// <inheritdoc />
    public ServerResponse SerializeError(ServiceModel service, OperationModel? operation, ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(error);
        var shape = ServerErrors.Find(service, operation, error.Code);
        var response = Start(ServerErrors.Start(service, shape, error, MediaType));
        var leading = new List<KeyValuePair<string, string>> { new("__type", ErrorTypeNames.ShapeId(_metadata, shape?.Name ?? error.Code)) };
        var members = ServerErrors.Members(shape, error, leading);
        response.Body = CborBodyWriter.WriteStructure(shape?.Members ?? EmptyMembers, members, leading);
        return response;
    }

    private static ServerResponse Start(ServerResponse response)
    {
        response.Headers["smithy-protocol"] = "rpc-v2-cbor";
        return response;
    }
}
