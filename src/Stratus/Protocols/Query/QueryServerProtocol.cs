using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Protocols.Xml;

namespace Stratus.Protocols.Query;

/// <summary>
/// The server side of the query protocol: the operation is the form's <c>Action</c> (a POST body or the query
/// string), the input is read back from the form's fields, the output is written as
/// <c>&lt;OpResponse xmlns=..&gt;&lt;OpResult&gt;..&lt;/OpResult&gt;&lt;ResponseMetadata&gt;&lt;RequestId&gt;</c> and errors as
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;&lt;Code&gt;&lt;Message&gt;</c>.
/// </summary>
/// <remarks>
/// A request with no <c>Action</c>, or one the model does not have, finds no operation (null, as
/// <see cref="IServerProtocol.FindOperation"/> says); the server answers it, as AWS does, with <c>InvalidAction</c> (400).
/// </remarks>
internal sealed class QueryServerProtocol : IServerProtocol
{
    private static readonly QueryFormReader Form = new(ec2: false);
    private readonly string? _namespace;

    /// <summary>Creates the protocol for a service.</summary>
    public QueryServerProtocol(ServiceMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _namespace = metadata.XmlNamespace;
    }

    /// <inheritdoc />
    public string Name => "query";

    /// <inheritdoc />
    public OperationModel? FindOperation(ServiceModel service, ServerRequest request) => FindAction(service, request);

    /// <summary>Finds the operation a query or ec2 request names in its <c>Action</c> field (exactly, by its model name), or null.</summary>
    /// <exception cref="ProtocolReadException">The form is malformed (<c>MalformedQueryString</c>).</exception>
    internal static OperationModel? FindAction(ServiceModel service, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        string? action = null;
        foreach (var (key, value) in QueryFormReader.Fields(request))
        {
            if (key == "Action")
            {
                action = value;
                break;
            }
        }
        if (action is null)
        {
            return null;
        }
        return service.TryGetOperation(action, out var operation) && operation.Name == action ? operation : null;
    }

    /// <inheritdoc />
    public JsonObject ParseRequest(OperationModel operation, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Form.Read(operation.Input, QueryFormReader.Fields(request));
    }

    /// <inheritdoc />
    public ServerResponse SerializeResponse(OperationModel operation, JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(output);
        var requestId = XmlServerWriter.RequestId(output);
        var root = operation.Name + "Response";
        var xml = new StringBuilder(512);
        xml.Append('<').Append(root);
        AppendNamespace(xml);
        xml.Append('>');
        if (operation.Output is { } shape)
        {
            XmlShapeWriter.WriteStructure(xml, QueryResponses.ResultWrapper(operation), shape, output);
        }
        xml.Append("<ResponseMetadata>");
        XmlServerWriter.AppendText(xml, "RequestId", requestId);
        xml.Append("</ResponseMetadata></").Append(root).Append('>');
        var response = new ServerResponse();
        response.Headers["x-amzn-RequestId"] = requestId;
        XmlServerWriter.SetBody(response, xml, "text/xml");
        return response;
    }

    /// <inheritdoc />
    public ServerResponse SerializeError(ServiceModel service, OperationModel? operation, ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(error);
        var requestId = Guid.NewGuid().ToString();
        var xml = new StringBuilder(256);
        xml.Append("<ErrorResponse");
        AppendNamespace(xml);
        xml.Append("><Error>");
        XmlServerWriter.AppendErrorContent(xml, XmlServerWriter.ErrorShape(service, operation, error.Code), error, withType: true);
        xml.Append("</Error>");
        XmlServerWriter.AppendText(xml, "RequestId", requestId);
        xml.Append("</ErrorResponse>");
        var response = new ServerResponse { StatusCode = error.StatusCode };
        response.Headers["x-amzn-RequestId"] = requestId;
        XmlServerWriter.SetBody(response, xml, "text/xml");
        return response;
    }

    private void AppendNamespace(StringBuilder xml)
    {
        if (_namespace is not null)
        {
            xml.Append(" xmlns=\"");
            XmlShapeWriter.AppendEscaped(xml, _namespace, attribute: true);
            xml.Append('"');
        }
    }
}
