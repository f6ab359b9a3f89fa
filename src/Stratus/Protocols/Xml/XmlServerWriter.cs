using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Xml;

/// <summary>
/// What the server sides of the XML protocols (query, ec2, rest-xml) write alike: the request id, and the
/// inside of an <c>&lt;Error&gt;</c> element (type, code, message and the error's extra fields, by its shape
/// when the model has one).
/// </summary>
internal static class XmlServerWriter
{
    /// <summary>The XML declaration S3 and EC2 start their documents with.</summary>
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /// <summary>The request id of a response: the output's <c>ResponseMetadata.RequestId</c> when given, else a new one.</summary>
    public static string RequestId(JsonObject? output) =>
        output?["ResponseMetadata"] is JsonObject metadata && NativeValues.TryGetString(metadata["RequestId"], out var id) && id.Length > 0
            ? id
            : Guid.NewGuid().ToString();

    /// <summary>The modeled shape of an error code: among the operation's errors, else any exception shape of that name.</summary>
    public static Shape? ErrorShape(ServiceModel service, OperationModel? operation, string code)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (operation is not null)
        {
            return XmlErrorBody.FindShape(operation, code);
        }
        return service.TryGetShape(code, out var shape) && shape.Exception ? shape : null;
    }

    /// <summary>
    /// Appends the content of an <c>Error</c> element: <c>Type</c> (Sender or Receiver, when <paramref name="withType"/>),
    /// <c>Code</c>, <c>Message</c>, then each extra field: by its member of <paramref name="shape"/> when there is one
    /// (members bound to HTTP headers are left to the caller), else as a text element named after the field.
    /// </summary>
    public static void AppendErrorContent(StringBuilder xml, Shape? shape, ServiceError error, bool withType)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(error);
        if (withType)
        {
            xml.Append("<Type>").Append(error.SenderFault ? "Sender" : "Receiver").Append("</Type>");
        }
        // A modeled error's wire code is its error trait's when the model names one
        // (SQS's query model: QueueDoesNotExist → AWS.SimpleQueueService.NonExistentQueue).
        AppendText(xml, "Code", shape?.Error?.Code ?? error.Code);
        AppendText(xml, "Message", error.Message);
        foreach (var (name, value) in error.Fields ?? [])
        {
            if (value is null || name is "Code" or "Message" or "Type" or "RequestId")
            {
                continue;
            }
            if (shape is not null && shape.Members.TryGetValue(name, out var member))
            {
                if (member.Location is null)
                {
                    XmlShapeWriter.WriteValue(xml, member.LocationName ?? name, member, value, response: true);
                }
            }
            else if (value is JsonValue scalar)
            {
                AppendText(xml, name, NativeValues.TryGetString(scalar, out var text) ? text : scalar.ToJsonString());
            }
        }
    }

    /// <summary>
    /// Appends the error document of query and of rest-xml services other than S3:
    /// <c>&lt;ErrorResponse xmlns=..&gt;&lt;Error&gt;&lt;Type&gt;&lt;Code&gt;&lt;Message&gt;..&lt;/Error&gt;&lt;RequestId&gt;..&lt;/ErrorResponse&gt;</c>.
    /// </summary>
    public static void AppendErrorResponse(StringBuilder xml, string? xmlNamespace, Shape? shape, ServiceError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(xml);
        xml.Append("<ErrorResponse");
        AppendXmlns(xml, xmlNamespace);
        xml.Append("><Error>");
        AppendErrorContent(xml, shape, error, withType: true);
        xml.Append("</Error>");
        AppendText(xml, "RequestId", requestId);
        xml.Append("</ErrorResponse>");
    }

    /// <summary>Appends <c> xmlns=".."</c> (escaped) when there is a namespace.</summary>
    public static void AppendXmlns(StringBuilder xml, string? xmlNamespace)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xmlNamespace is not null)
        {
            xml.Append(" xmlns=\"");
            XmlShapeWriter.AppendEscaped(xml, xmlNamespace, attribute: true);
            xml.Append('"');
        }
    }

    /// <summary>Appends <c>&lt;name&gt;text&lt;/name&gt;</c>, escaping the text.</summary>
    public static void AppendText(StringBuilder xml, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(xml);
        xml.Append('<').Append(name).Append('>');
        XmlShapeWriter.AppendEscaped(xml, text, attribute: false);
        xml.Append("</").Append(name).Append('>');
    }

    /// <summary>Sets an XML body (UTF-8) and its content type on a response.</summary>
    public static void SetBody(ServerResponse response, StringBuilder xml, string contentType)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(xml);
        response.Body = Encoding.UTF8.GetBytes(xml.ToString());
        response.Headers["Content-Type"] = contentType;
    }
}
