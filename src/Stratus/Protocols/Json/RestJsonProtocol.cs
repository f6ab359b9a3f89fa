using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Rest;

namespace Stratus.Protocols.Json;

/// <summary>
/// The <c>rest-json</c> protocol: members bound to the URI, query string and headers by the shared
/// REST binders; the rest go to a JSON object body, or the <c>payload</c> member is the whole body
/// (structures and documents as JSON, blobs and strings raw, streaming blobs as a stream).
/// </summary>
internal sealed class RestJsonProtocol : WireProtocol
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <inheritdoc />
    public override string Name => "rest-json";

    /// <inheritdoc />
    protected override void Serialize(OperationModel operation, JsonObject input, SerializedRequest request)
    {
        var bodyMembers = RestRequestBinder.Bind(operation, input, request);
        if (operation.Input is not { } shape)
        {
            return;
        }
        if (shape.Payload is { } payloadName && shape.Members.TryGetValue(payloadName, out var payload))
        {
            SerializePayload(payload, input[payloadName], request);
            return;
        }
        var hasBodyValue = bodyMembers.Exists(m => input[m.Key] is not null);
        if (hasBodyValue)
        {
            request.Body = JsonBodyWriter.WriteObject(bodyMembers, input);
        }
        else if (HasBodyMembers(shape))
        {
            // The input has body members, all unset: the body is still a JSON object.
            request.Body = EmptyObject;
        }
        else
        {
            return;
        }
        request.Headers.TryAdd("Content-Type", "application/json");
    }

    private static bool HasBodyMembers(Shape input)
    {
        foreach (var member in input.Members.Values)
        {
            if (member.Location is null)
            {
                return true;
            }
        }
        return false;
    }

    private static void SerializePayload(Shape payload, JsonNode? value, SerializedRequest request)
    {
        switch (payload.Type)
        {
            case ShapeType.Blob:
            case ShapeType.String:
                if (NativeValues.TryGetStream(value, out var stream))
                {
                    request.BodyStream = stream;
                }
                else if (value is not null)
                {
                    request.Body = payload.Type == ShapeType.String && NativeValues.TryGetString(value, out var text)
                        ? Encoding.UTF8.GetBytes(text)
                        : NativeValues.TryGetBytes(value, out var bytes) ? bytes : throw new FormatException($"A {payload.Type} value is expected for '{payload.MemberName}'.");
                }
                request.Headers.TryAdd("Content-Type", payload.Type == ShapeType.Blob ? "application/octet-stream" : "text/plain");
                break;
            default:
                request.Body = value is null ? EmptyObject : JsonBodyWriter.WriteValue(payload, value);
                request.Headers.TryAdd("Content-Type", "application/json");
                break;
        }
    }

    /// <inheritdoc />
    public override JsonObject ParseResponse(OperationModel operation, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        if (operation.Output is not { } shape)
        {
            return ErrorShapes.WithRequestId([], response);
        }
        // The header members first, the object made at their size; the body's members follow.
        var headers = new ObjectBuilder();
        var bodyMembers = RestResponseBinder.Bind(shape, response, ref headers);
        var result = headers.ToObject();
        if (shape.Payload is { } payloadName && shape.Members.TryGetValue(payloadName, out var payload))
        {
            ParsePayload(operation, payloadName, payload, response, result);
        }
        else if (bodyMembers.Length > 0)
        {
            JsonStreamReader.ReadMembers(bodyMembers, response.Body.Span, result);
        }
        return ErrorShapes.WithRequestId(result, response);
    }

    private static void ParsePayload(OperationModel operation, string name, Shape payload, RawResponse response, JsonObject result)
    {
        if (payload.EventStream)
        {
            using var events = response.BodyStream ?? new MemoryStream(response.Body.ToArray());
            JsonEventStream.Read(operation.Output!, name, events, result);
            return;
        }
        if (response.BodyStream is { } stream && payload.Streaming)
        {
            // Handed to the caller unread: a streaming payload is never buffered here.
            result[name] = NativeValues.Stream(stream);
            return;
        }
        var body = response.BodyStream is not null ? JsonErrorParser.ErrorBody(response) : response.Body;
        if (body.IsEmpty)
        {
            return;
        }
        switch (payload.Type)
        {
            case ShapeType.Blob:
                result[name] = NativeValues.Blob(body.ToArray());
                break;
            case ShapeType.String:
                result[name] = Encoding.UTF8.GetString(body.Span);
                break;
            default:
                using (var doc = JsonBodyReader.ParseDocument(body))
                {
                    if (doc is not null)
                    {
                        result[name] = JsonBodyReader.Read(payload, doc.RootElement);
                    }
                }
                break;
        }
    }

    /// <inheritdoc />
    public override ParsedError ParseError(OperationModel operation, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        return JsonErrorParser.Parse(operation, response, restBindings: true);
    }
}
