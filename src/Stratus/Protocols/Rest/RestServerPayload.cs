using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Rest;

/// <summary>
/// The payload member of rest-json and rest-xml, server side, when it is raw: a stream (a streaming blob, or an
/// event stream passed through encoded), a blob or a string. A structure, union or document payload is left to
/// the protocol, in its own format.
/// </summary>
internal static class RestServerPayload
{
    /// <summary>Reads a raw payload from the request body into <paramref name="input"/>; false when the body is a payload for the protocol to read.</summary>
    public static bool TryRead(string name, Shape payload, ServerRequest request, JsonObject input)
    {
        if (payload.Streaming || payload.EventStream)
        {
            // Handed over unread; an input event stream stays encoded.
            if (request.BodyStream is { } stream)
            {
                input[name] = NativeValues.Stream(stream);
            }
            else if (!request.Body.IsEmpty)
            {
                input[name] = NativeValues.Stream(new MemoryStream(request.Body.ToArray(), writable: false));
            }
            return true;
        }
        if (request.Body.IsEmpty)
        {
            return true;
        }
        switch (payload.Type)
        {
            case ShapeType.Blob:
                input[name] = NativeValues.Blob(request.Body.ToArray());
                return true;
            case ShapeType.String:
                input[name] = Encoding.UTF8.GetString(request.Body.Span);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes a raw payload (or none, for no value) to the response; false when the value is a payload for the protocol to write.</summary>
    /// <exception cref="NotSupportedException">An event stream given as events rather than as a stream of encoded messages.</exception>
    /// <exception cref="FormatException">A blob payload whose value is not a blob.</exception>
    public static bool TryWrite(OperationModel operation, Shape payload, JsonNode? value, ServerResponse response)
    {
        if (NativeValues.TryGetStream(value, out var stream))
        {
            response.BodyStream = stream;
            response.Headers.TryAdd("Content-Type", payload.EventStream ? "application/vnd.amazon.eventstream" : "application/octet-stream");
            return true;
        }
        if (value is null)
        {
            return true;
        }
        if (payload.EventStream)
        {
            throw new NotSupportedException($"{operation}: writing the event stream '{payload.MemberName}' is not supported; pass its encoded messages as a stream.");
        }
        switch (payload.Type)
        {
            case ShapeType.Blob:
                response.Body = NativeValues.TryGetBytes(value, out var bytes) ? bytes : throw new FormatException($"A blob value is expected for '{payload.MemberName}'.");
                response.Headers.TryAdd("Content-Type", "application/octet-stream");
                return true;
            case ShapeType.String:
                response.Body = Encoding.UTF8.GetBytes(NativeValues.TryGetString(value, out var text) ? text : value.ToJsonString());
                response.Headers.TryAdd("Content-Type", "text/plain");
                return true;
            default:
                return false;
        }
    }
}
