using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Json;

/// <summary>
/// The error-code rules shared by the JSON and CBOR protocols: cleaning a wire error type, the
/// awsQueryCompatible code header, and finding the modeled error shape for a code.
/// </summary>
internal static class ErrorShapes
{
    /// <summary>The header a JSON service uses to name the error type.</summary>
    public const string ErrorTypeHeader = "X-Amzn-Errortype";

    /// <summary>The header an awsQueryCompatible service uses for the query-protocol code: <c>Code;Fault</c>.</summary>
    public const string QueryErrorHeader = "x-amzn-query-error";

    /// <summary>The request id header.</summary>
    public const string RequestIdHeader = "x-amzn-RequestId";

    /// <summary>
    /// Cleans a wire error type: drops anything after ':' (a URI some services append) and the Smithy
    /// namespace before '#' (<c>aws.protocoltests#FooError:http://...</c> → <c>FooError</c>).
    /// </summary>
    public static string? Sanitize(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }
        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = type[..colon];
        }
        var hash = type.LastIndexOf('#');
        if (hash >= 0)
        {
            type = type[(hash + 1)..];
        }
        type = type.Trim();
        return type.Length == 0 ? null : type;
    }

    /// <summary>The query-protocol code of an awsQueryCompatible service's error, from its header; null when absent.</summary>
    public static string? QueryCompatibleCode(ServiceMetadata metadata, RawResponse response)
    {
        if (!metadata.AwsQueryCompatible || response.Header(QueryErrorHeader) is not { } header)
        {
            return null;
        }
        var semi = header.IndexOf(';', StringComparison.Ordinal);
        var code = (semi < 0 ? header : header[..semi]).Trim();
        return code.Length == 0 ? null : code;
    }

    /// <summary>
    /// Finds the error shape for a code: the operation's errors first (by shape name or error-trait
    /// code), then any exception shape of the model with that name.
    /// </summary>
    public static Shape? Find(OperationModel operation, string? code)
    {
        if (code is null)
        {
            return null;
        }
        foreach (var error in operation.Errors)
        {
            if (error.Name == code || error.Error?.Code == code)
            {
                return error;
            }
        }
        return operation.Service.TryGetShape(code, out var shape) && shape.Exception ? shape : null;
    }

    /// <summary>Adds <c>ResponseMetadata.RequestId</c> to a result when the response carries a request id.</summary>
    public static JsonObject WithRequestId(JsonObject result, RawResponse response)
    {
        if (response.Header(RequestIdHeader) is { } id)
        {
            result["ResponseMetadata"] = new JsonObject { ["RequestId"] = id };
        }
        return result;
    }
}
