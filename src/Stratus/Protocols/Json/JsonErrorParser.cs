using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Rest;

namespace Stratus.Protocols.Json;

/// <summary>
/// Parses the error responses of the json and rest-json protocols: the code from the
/// <c>X-Amzn-Errortype</c> header, else the body's <c>__type</c> or <c>code</c> (cleaned of namespace
/// and URI); the awsQueryCompatible header overrides it; the message from <c>message</c>,
/// <c>Message</c> or <c>errorMessage</c>; the modeled error shape's members as the document.
/// </summary>
internal static class JsonErrorParser
{
    /// <summary>Parses an error; <paramref name="restBindings"/> also reads the error shape's header and status members.</summary>
    public static ParsedError Parse(OperationModel operation, RawResponse response, bool restBindings)
    {
        var bytes = ErrorBody(response);
        JsonDocument? doc = null;
        try
        {
            doc = JsonBodyReader.ParseDocument(bytes);
        }
        catch (JsonException)
        {
            // A proxy's HTML page or a truncated body: the status and headers still tell something.
        }
        using (doc)
        {
            JsonElement? body = doc?.RootElement is { ValueKind: JsonValueKind.Object } root ? root : null;
            var type = ErrorShapes.Sanitize(response.Header(ErrorShapes.ErrorTypeHeader))
                ?? ErrorShapes.Sanitize(Text(body, "__type"))
                ?? ErrorShapes.Sanitize(Text(body, "code"));
            var code = ErrorShapes.QueryCompatibleCode(operation.Service.Metadata, response)
                ?? type
                ?? response.StatusCode.ToString(CultureInfo.InvariantCulture);
            var message = Text(body, "message") ?? Text(body, "Message") ?? Text(body, "errorMessage");
            var shape = ErrorShapes.Find(operation, type) ?? (code != type ? ErrorShapes.Find(operation, code) : null);
            var document = new JsonObject();
            if (shape is not null)
            {
                IEnumerable<KeyValuePair<string, Shape>> members = restBindings ? RestResponseBinder.Bind(shape, response, document) : shape.Members;
                if (body is { } b)
                {
                    JsonBodyReader.ReadMembers(members, b, document);
                }
            }
            return new ParsedError(code, message, document, shape, response.Header(ErrorShapes.RequestIdHeader));
        }
    }

    /// <summary>The error body, read whole even when the operation's output would have streamed.</summary>
    internal static ReadOnlyMemory<byte> ErrorBody(RawResponse response)
    {
        if (!response.Body.IsEmpty || response.BodyStream is not { } stream)
        {
            return response.Body;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string? Text(JsonElement? obj, string name) =>
        obj is { } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
