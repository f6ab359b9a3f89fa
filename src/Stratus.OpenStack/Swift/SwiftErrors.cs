using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stratus.Protocols;

namespace Stratus.OpenStack.Swift;

/// <summary>
/// Swift's errors: a status and a short HTML or plain-text page (<c>&lt;html&gt;&lt;h1&gt;Not Found&lt;/h1&gt;&lt;p&gt;...</c>).
/// The code is named for the status (<c>NotFound</c>, <c>Conflict</c>, ...), the message is the page's text.
/// </summary>
public static partial class SwiftErrors
{
    /// <summary>The error code Stratus gives a Swift status, for example <c>NotFound</c> for 404.</summary>
    public static string Code(int status) => status switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        408 => "RequestTimeout",
        409 => "Conflict",
        411 => "LengthRequired",
        412 => "PreconditionFailed",
        413 => "RequestEntityTooLarge",
        416 => "RequestedRangeNotSatisfiable",
        422 => "UnprocessableEntity",
        429 => "TooManyRequests",
        498 => "RateLimited",
        499 => "ClientDisconnect",
        500 => "InternalError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        507 => "InsufficientStorage",
        _ => "Http" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Reads an error response: code from the status, message from the body's text.</summary>
    public static ParsedError Read(RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var code = Code(response.StatusCode);
        var message = Message(response.Body.Span) ?? code;
        var document = new JsonObject { ["Code"] = code, ["Message"] = message };
        return new ParsedError(code, message, document, null, RequestId(response));
    }

    /// <summary>Swift's request id: <c>X-Openstack-Request-Id</c>, else <c>X-Trans-Id</c>.</summary>
    public static string? RequestId(RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Header("X-Openstack-Request-Id") ?? response.Header("X-Trans-Id");
    }

    // The body's text with its tags dropped: "<html><h1>Not Found</h1><p>The resource ...</p></html>" -> "Not Found: The resource ...".
    private static string? Message(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(body.Length > 4096 ? body[..4096] : body);
        text = HeadingEnd().Replace(text, ": ");
        text = Tag().Replace(text, " ");
        text = System.Net.WebUtility.HtmlDecode(Space().Replace(text, " ")).Trim();
        return text.Length == 0 ? null : text.Length > 500 ? text[..500] + "..." : text;
    }

    [GeneratedRegex("</h1>\\s*", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Space();
}
