using Stratus.Protocols.Server;

namespace Stratus.Protocols.Json;

/// <summary>Starts the responses of the JSON-family server protocols: every one carries a fresh <c>x-amzn-RequestId</c>.</summary>
internal static class ServerResponses
{
    /// <summary>Creates a response with a status, a request id and, when given, a Content-Type.</summary>
    public static ServerResponse Create(int statusCode, string? contentType)
    {
        var response = new ServerResponse { StatusCode = statusCode };
        response.Headers[ErrorShapes.RequestIdHeader] = Guid.NewGuid().ToString();
        if (contentType is not null)
        {
            response.Headers["Content-Type"] = contentType;
        }
        return response;
    }
}
