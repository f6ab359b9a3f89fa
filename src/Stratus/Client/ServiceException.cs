using System.Text.Json.Nodes;

namespace Stratus.Client;

/// <summary>
/// The service answered with an error. Not sealed so that typed views (the Stratus.Generators source
/// generator) can throw a subclass per modeled error that <c>catch (ServiceException)</c> still catches.
/// </summary>
public class ServiceException : StratusException
{
    /// <summary>Creates the exception.</summary>
    public ServiceException(string service, string operation, int statusCode, string errorCode, string? errorMessage, string? requestId, JsonObject error, bool isRetryable)
        : base(FormatMessage(service, operation, statusCode, errorCode, errorMessage, requestId))
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        Error = error;
        IsRetryable = isRetryable;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The error code, for example <c>InvalidKeyPair.NotFound</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's message, if any.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The request id, if the service sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The parsed error document (the modeled error's members, or the raw fields).</summary>
    public JsonObject Error { get; }

    /// <summary>
    /// The name of the model's error shape the response matched (for example <c>NoSuchKey</c>), or null when
    /// the error is not modeled. Unlike <see cref="ErrorCode"/> it does not vary with the protocol (an
    /// awsQueryCompatible service answers with query-protocol codes).
    /// </summary>
    public string? ErrorShape { get; init; }

    /// <summary>Whether sending the request again may succeed (throttling, transient and 5xx errors).</summary>
    public bool IsRetryable { get; }

    private static string FormatMessage(string service, string operation, int status, string code, string? message, string? requestId) =>
        $"{service}.{operation} failed: {code} (HTTP {status}){(string.IsNullOrEmpty(message) ? "" : ": " + message)}{(requestId is null ? "" : $" [request id {requestId}]")}";
}
