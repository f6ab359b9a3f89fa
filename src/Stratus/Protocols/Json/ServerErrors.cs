using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Json;

/// <summary>
/// How the JSON-family server protocols write an error: the modeled shape for the code, the status
/// (the shape's <c>httpStatusCode</c>, else the error's), the awsQueryCompatible <c>x-amzn-query-error</c>
/// header, and the members (the error's fields, with the message in the shape's message member when it has one).
/// </summary>
internal static class ServerErrors
{
    /// <summary>
    /// Finds the modeled error for a code: the operation's errors (by shape name or query code), any
    /// exception shape of that name, then (awsQueryCompatible services) any exception with that query code.
    /// </summary>
    public static Shape? Find(ServiceModel service, OperationModel? operation, string code)
    {
        if (operation is not null && ErrorShapes.Find(operation, code) is { } shape)
        {
            return shape;
        }
        if (service.TryGetShape(code, out var named) && named.Exception)
        {
            return named;
        }
        if (service.Metadata.AwsQueryCompatible && QueryErrorCodes.For(service).TryGetShape(code, out var name))
        {
            return service.GetShape(name);
        }
        return null;
    }

    /// <summary>
    /// Starts an error response: status, request id, Content-Type and, for awsQueryCompatible services, the
    /// query error header (<c>Code;Sender</c> or <c>Code;Receiver</c>).
    /// </summary>
    public static ServerResponse Start(ServiceModel service, Shape? shape, ServiceError error, string contentType)
    {
        var status = shape?.Error?.HttpStatusCode ?? error.StatusCode;
        string? queryError = null;
        if (service.Metadata.AwsQueryCompatible)
        {
            var code = shape?.Error?.Code ?? shape?.Name ?? error.Code;
            if (shape is not null && shape.Error?.Code is null && QueryErrorCodes.For(service).TryGetCode(shape.Name, out var known, out var knownStatus))
            {
                (code, status) = (known, shape.Error?.HttpStatusCode ?? knownStatus);
            }
            var sender = shape is null ? error.SenderFault : shape.Error?.SenderFault ?? !shape.Fault;
            queryError = code + ";" + (sender ? "Sender" : "Receiver");
        }
        var response = ServerResponses.Create(status, contentType);
        if (queryError is not null)
        {
            response.Headers[ErrorShapes.QueryErrorHeader] = queryError;
        }
        return response;
    }

    /// <summary>
    /// The members to write for an error: a copy of its fields, with the message in the shape's message
    /// member when it has one; otherwise the message is added to <paramref name="leading"/> as <c>message</c>.
    /// An empty message is left out.
    /// </summary>
    public static JsonObject Members(Shape? shape, ServiceError error, List<KeyValuePair<string, string>> leading)
    {
        var members = error.Fields?.DeepClone() as JsonObject ?? [];
        if (error.Message.Length == 0)
        {
            return members;
        }
        if (shape is not null)
        {
            foreach (var (name, member) in shape.Members)
            {
                if (member.Location is null && name.Equals("message", StringComparison.OrdinalIgnoreCase))
                {
                    members[name] = error.Message;
                    return members;
                }
            }
        }
        leading.Add(new("message", error.Message));
        return members;
    }
}
