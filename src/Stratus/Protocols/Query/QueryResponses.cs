using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Stratus.Models;
using Stratus.Protocols.Xml;

namespace Stratus.Protocols.Query;

/// <summary>
/// Response and error parsing shared by the query and ec2 protocols: the output's members sit under the
/// root element (ec2) or under a result wrapper inside it (query), next to the request id.
/// </summary>
internal static class QueryResponses
{
    /// <summary>The key under which the request id is returned: <c>{"ResponseMetadata": {"RequestId": ...}}</c>.</summary>
    public const string Metadata = "ResponseMetadata";

    /// <summary>
    /// Parses a successful response. Members are read from the child named <paramref name="wrapper"/> when
    /// there is one, else from the root itself; the request id from <c>ResponseMetadata/RequestId</c> or <c>requestId</c>.
    /// </summary>
    public static JsonObject Parse(OperationModel operation, RawResponse response, string? wrapper)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        var result = new JsonObject();
        using var reader = XmlSafeReader.OpenRoot(response.Body);
        if (reader is null)
        {
            return result;
        }
        string? requestId = null;
        bool Other(XmlReader child)
        {
            switch (child.LocalName)
            {
                case var n when n == wrapper && operation.Output is { } output:
                    XmlShapeReader.ReadStructure(child, output, result);
                    return true;
                case "ResponseMetadata":
                    XmlShapeReader.ReadChildren(child, m =>
                    {
                        if (m.LocalName is "RequestId" or "requestId")
                        {
                            requestId = XmlShapeReader.ReadText(m);
                        }
                        else
                        {
                            m.Skip();
                        }
                    });
                    return true;
                case "requestId" or "RequestId" or "RequestID":
                    requestId = XmlShapeReader.ReadText(child);
                    return true;
                default:
                    return false;
            }
        }
        if (operation.Output is { } shape)
        {
            XmlShapeReader.ReadStructure(reader, shape, result, other: Other);
        }
        else
        {
            XmlShapeReader.ReadChildren(reader, child =>
            {
                if (!Other(child))
                {
                    child.Skip();
                }
            });
        }
        if (requestId is not null)
        {
            result[Metadata] = new JsonObject { ["RequestId"] = requestId };
        }
        return result;
    }

    /// <summary>The query protocol's result wrapper: the output's resultWrapper trait (on the reference or the shape), else <c>{Operation}Result</c>.</summary>
    public static string ResultWrapper(OperationModel operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Definition.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Object
            && output.TryGetProperty("resultWrapper", out var onReference) && onReference.ValueKind == JsonValueKind.String)
        {
            return onReference.GetString()!;
        }
        if (operation.Output is { } shape && shape.Definition.TryGetProperty("resultWrapper", out var onShape) && onShape.ValueKind == JsonValueKind.String)
        {
            return onShape.GetString()!;
        }
        return operation.Name + "Result";
    }

    /// <summary>Parses an error response: code, message, request id, and the modeled error's members.</summary>
    public static ParsedError ParseError(OperationModel operation, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        var body = XmlErrorBody.Read(response.Body);
        var code = body.Code ?? XmlErrorBody.StatusCode(response.StatusCode);
        var shape = XmlErrorBody.FindShape(operation, code);
        var document = new JsonObject();
        if (shape is not null)
        {
            body.ReadMembers(shape, document);
        }
        return new ParsedError(code, body.Message ?? (body.Code is null ? XmlErrorBody.ReasonPhrase(response.StatusCode) : null), document, shape, body.RequestId);
    }
}
