using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Json;

/// <summary>
/// The server side of the <c>json</c> protocol (AWS JSON 1.0 and 1.1): the operation comes from
/// <c>X-Amz-Target: {targetPrefix}.{Operation}</c>, the input from the JSON object body; outputs are
/// JSON objects and errors <c>{"__type": ..., "message": ...}</c> with the modeled status.
/// </summary>
internal sealed class JsonServerProtocol : IServerProtocol
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();
    private static readonly Dictionary<string, Shape> EmptyMembers = [];
    private readonly ServiceMetadata _metadata;
    private readonly string _contentType;

    /// <summary>Creates the protocol for a service.</summary>
    public JsonServerProtocol(ServiceMetadata metadata)
    {
        _metadata = metadata;
        _contentType = "application/x-amz-json-" + metadata.JsonVersion;
    }

    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public OperationModel? FindOperation(ServiceModel service, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header("X-Amz-Target") is not { } target)
        {
            return null;
        }
        var dot = target.LastIndexOf('.');
        if (dot < 0 || (service.Metadata.TargetPrefix is { } prefix && !target.AsSpan(0, dot).SequenceEqual(prefix)))
        {
            return null;
        }
        var name = target[(dot + 1)..];
        // Exact names only: the model's snake_case aliases are for callers, not for the wire.
        return service.TryGetOperation(name, out var operation) && operation.Name == name ? operation : null;
    }

    /// <inheritdoc />
    public JsonObject ParseRequest(OperationModel operation, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        var input = new JsonObject();
        try
        {
            using var doc = JsonBodyReader.ParseDocument(request.Body);
            if (doc is null)
            {
                return input;
            }
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ProtocolReadException($"The request body of {operation.Name} is not a JSON object.");
            }
            if (operation.Input is { } shape)
            {
                JsonBodyReader.ReadMembers(shape.Members, doc.RootElement, input);
            }
            return input;
        }
        catch (JsonException e)
        {
            throw new ProtocolReadException($"The request body of {operation.Name} is not valid JSON: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public ServerResponse SerializeResponse(OperationModel operation, JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(output);
        var response = ServerResponses.Create(200, _contentType);
        if (operation.Output is not { } shape)
        {
            response.Body = EmptyObject;
            return response;
        }
        foreach (var (name, member) in shape.Members)
        {
            if (member.EventStream)
            {
                // No event-stream encoder yet: a stream of already-encoded messages passes through.
                response.BodyStream = NativeValues.TryGetStream(output[name], out var events)
                    ? events
                    : throw new NotSupportedException($"{operation}: writing the event stream '{name}' is not supported; pass its encoded messages as a stream.");
                response.Headers["Content-Type"] = "application/vnd.amazon.eventstream";
                return response;
            }
        }
        response.Body = JsonBodyWriter.WriteObject(shape.Members, output);
        return response;
    }

    /// <inheritdoc />
    public ServerResponse SerializeError(ServiceModel service, OperationModel? operation, ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(error);
        var shape = ServerErrors.Find(service, operation, error.Code);
        var response = ServerErrors.Start(service, shape, error, _contentType);
        var leading = new List<KeyValuePair<string, string>> { new("__type", ErrorTypeNames.Json(_metadata, shape?.Name ?? error.Code)) };
        var members = ServerErrors.Members(shape, error, leading);
        response.Body = JsonBodyWriter.WriteObject(shape?.Members ?? EmptyMembers, members, leading);
        return response;
    }
}
