using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Rest;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Json;

/// <summary>
/// The server side of the <c>rest-json</c> protocol: the operation from the method and path template
/// (<see cref="RestRequestMatcher"/>); input from labels, query string and headers
/// (<see cref="RestServerBinder"/>) and from a JSON object body or the payload member; output to
/// headers, status and body the same way; errors with <c>X-Amzn-Errortype</c> and a
/// <c>{"message": ...}</c> body.
/// </summary>
internal sealed class RestJsonServerProtocol : IServerProtocol
{
    private const string JsonContentType = "application/json";

    /// <inheritdoc />
    public string Name => "rest-json";

    /// <inheritdoc />
    public OperationModel? FindOperation(ServiceModel service, ServerRequest request) => RestRequestMatcher.FindOperation(service, request);

    /// <inheritdoc />
    public JsonObject ParseRequest(OperationModel operation, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        var input = new JsonObject();
        try
        {
            var bodyMembers = RestServerBinder.BindRequest(operation, request, input);
            if (operation.Input is not { } shape)
            {
                return input;
            }
            if (shape.Payload is { } payloadName && shape.Members.TryGetValue(payloadName, out var payload))
            {
                ParsePayload(payloadName, payload, request, input);
            }
            else if (bodyMembers.Count > 0)
            {
                using var doc = JsonBodyReader.ParseDocument(request.Body);
                if (doc is not null)
                {
                    if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new ProtocolReadException($"The request body of {operation.Name} is not a JSON object.");
                    }
                    JsonBodyReader.ReadMembers(bodyMembers, doc.RootElement, input);
                }
            }
            return input;
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException)
        {
            throw new ProtocolReadException($"The request to {operation.Name} cannot be read: {e.Message}", e);
        }
    }

    private static void ParsePayload(string name, Shape payload, ServerRequest request, JsonObject input)
    {
        if (RestServerPayload.TryRead(name, payload, request, input))
        {
            return;
        }
        using var doc = JsonBodyReader.ParseDocument(request.Body);
        if (doc is not null)
        {
            input[name] = JsonBodyReader.Read(payload, doc.RootElement);
        }
    }

    /// <inheritdoc />
    public ServerResponse SerializeResponse(OperationModel operation, JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(output);
        var response = ServerResponses.Create(operation.ResponseCode ?? 200, null);
        if (operation.Output is not { } shape)
        {
            return response;
        }
        var bodyMembers = RestServerBinder.BindResponse(shape, output, response);
        if (shape.Payload is { } payloadName && shape.Members.TryGetValue(payloadName, out var payload))
        {
            WritePayload(operation, payload, output[payloadName], response);
        }
        else if (bodyMembers.Count > 0)
        {
            response.Body = JsonBodyWriter.WriteObject(bodyMembers, output);
            response.Headers.TryAdd("Content-Type", JsonContentType);
        }
        return response;
    }

    private static void WritePayload(OperationModel operation, Shape payload, JsonNode? value, ServerResponse response)
    {
        if (!RestServerPayload.TryWrite(operation, payload, value, response))
        {
            response.Body = JsonBodyWriter.WriteValue(payload, value!);
            response.Headers.TryAdd("Content-Type", JsonContentType);
        }
    }

    /// <inheritdoc />
    public ServerResponse SerializeError(ServiceModel service, OperationModel? operation, ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(error);
        var shape = ServerErrors.Find(service, operation, error.Code);
        var response = ServerErrors.Start(service, shape, error, JsonContentType);
        response.Headers[ErrorShapes.ErrorTypeHeader] = shape?.Name ?? error.Code;
        var leading = new List<KeyValuePair<string, string>>();
        var members = ServerErrors.Members(shape, error, leading);
        var bodyMembers = shape is null ? [] : RestServerBinder.BindResponse(shape, members, response);
        response.Body = JsonBodyWriter.WriteObject(bodyMembers, members, leading);
        return response;
    }
}
