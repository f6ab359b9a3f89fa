using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Stratus.Models;

namespace Stratus.Protocols.Xml;

/// <summary>
/// The error document of the XML protocols, wherever its <c>Error</c> element sits:
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;</c> (query, rest-xml), <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;</c> (ec2)
/// or a bare <c>&lt;Error&gt;</c> root (S3). Error bodies are small, so this one is held as a tree.
/// </summary>
internal sealed class XmlErrorBody
{
    private readonly XElement? _error;

    private XmlErrorBody(XElement? root)
    {
        if (root is null)
        {
            return;
        }
        _error = root.Name.LocalName == "Error" ? root : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        Code = Child(_error, "Code");
        Message = Child(_error, "Message") ?? Child(_error, "message");
        RequestId = root.DescendantsAndSelf()
            .FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID" or "requestId" && !e.HasElements)?.Value;
        HostId = Child(_error, "HostId");
    }

    /// <summary>The error code, when the body has one.</summary>
    public string? Code { get; }

    /// <summary>The error message, when the body has one.</summary>
    public string? Message { get; }

    /// <summary>The request id, when the body has one.</summary>
    public string? RequestId { get; }

    /// <summary>S3's extended request id, when the body has one.</summary>
    public string? HostId { get; }

    /// <summary>Reads an error body; a body that is empty or not XML gives an empty result.</summary>
    public static XmlErrorBody Read(ReadOnlyMemory<byte> body)
    {
        if (XmlSafeReader.IsBlank(body.Span))
        {
            return new XmlErrorBody(null);
        }
        try
        {
            using var reader = XmlSafeReader.Create(body);
            return new XmlErrorBody(XElement.Load(reader, LoadOptions.PreserveWhitespace));
        }
        catch (XmlException)
        {
            return new XmlErrorBody(null);
        }
    }

    /// <summary>Reads the modeled members of <paramref name="shape"/> from the <c>Error</c> element into <paramref name="into"/>.</summary>
    public void ReadMembers(Shape shape, JsonObject into)
    {
        if (_error is null)
        {
            return;
        }
        using var reader = _error.CreateReader();
        reader.MoveToContent();
        XmlShapeReader.ReadStructure(reader, shape, into, bodyOnly: true);
    }

    /// <summary>
    /// Finds the error shape for a code: first among the operation's errors (by the error trait's code, then
    /// by name), then any exception shape of the service with that name.
    /// </summary>
    public static Shape? FindShape(OperationModel operation, string code)
    {
        ArgumentNullException.ThrowIfNull(operation);
        foreach (var error in operation.Errors)
        {
            if (error.Error?.Code == code)
            {
                return error;
            }
        }
        foreach (var error in operation.Errors)
        {
            if (error.Name == code)
            {
                return error;
            }
        }
        return operation.Service.ShapeNames.Contains(code) && operation.Service.GetShape(code) is { Exception: true } shape ? shape : null;
    }

    /// <summary>The code to report when the body names none: the HTTP status, as botocore does.</summary>
    public static string StatusCode(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The message to report when the body has none: the status's reason phrase.</summary>
    public static string? ReasonPhrase(int status) => status switch
    {
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        412 => "Precondition Failed",
        416 => "Requested Range Not Satisfiable",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => null,
    };

    private static string? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
