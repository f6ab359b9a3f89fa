using System.Text.Json.Nodes;
using System.Xml;
using Stratus.Protocols;

namespace Stratus.Azure;

/// <summary>
/// Reads Azure Storage's errors: an <c>&lt;Error&gt;&lt;Code&gt;..&lt;/Code&gt;&lt;Message&gt;..&lt;/Message&gt;...&lt;/Error&gt;</c>
/// body, or, when there is none (HEAD requests), the <c>x-ms-error-code</c> header.
/// </summary>
internal static class AzureErrors
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <summary>The error, or null to leave an unrecognized response to the protocol's own parse.</summary>
    public static ParsedError? Read(RawResponse response)
    {
        var document = new JsonObject();
        if (!response.Body.IsEmpty)
        {
            try
            {
                ReadBody(response.Body, document);
            }
            catch (XmlException)
            {
                // Not XML (a proxy's HTML page): the header and the status speak for it.
                document.Clear();
            }
        }
        var code = (document["Code"] as JsonValue)?.GetValue<string>() ?? response.Header("x-ms-error-code");
        if (code is null)
        {
            return null;
        }
        document["Code"] = code;
        var message = (document["Message"] as JsonValue)?.GetValue<string>()
            // A HEAD error has no body: the header's code is all there is, so the status's reason says the rest.
            ?? response.StatusCode switch
            {
                403 => "Server failed to authenticate the request, or the account may not do this.",
                404 => "The specified resource does not exist.",
                409 => "The request conflicts with the resource's state.",
                _ => null,
            };
        return new ParsedError(code, message, document, null, response.Header("x-ms-request-id"));
    }

    private static void ReadBody(ReadOnlyMemory<byte> body, JsonObject document)
    {
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        var root = System.Xml.Linq.XElement.Load(reader);
        if (root.Name.LocalName != "Error")
        {
            return;
        }
        foreach (var child in root.Elements())
        {
            // Code, Message, and what else the service adds (AuthenticationErrorDetail, HeaderName, ...).
            document[child.Name.LocalName] = child.Value.Trim();
        }
    }
}
