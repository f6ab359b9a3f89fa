using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Protocols.Xml;

namespace Stratus.Protocols.Query;

/// <summary>
/// The server side of the query protocol (<see cref="FormServerProtocol"/>): the output is written as
/// <c>&lt;OpResponse xmlns=..&gt;&lt;OpResult&gt;..&lt;/OpResult&gt;&lt;ResponseMetadata&gt;&lt;RequestId&gt;</c> and errors as
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;&lt;Code&gt;&lt;Message&gt;</c>.
/// </summary>
internal sealed class QueryServerProtocol : FormServerProtocol
{
    private readonly string? _namespace;

    /// <summary>Creates the protocol for a service.</summary>
    public QueryServerProtocol(ServiceMetadata metadata)
        : base(new QueryFormReader(ec2: false))
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _namespace = metadata.XmlNamespace;
    }

    /// <inheritdoc />
    public override string Name => "query";

    /// <inheritdoc />
    public override ServerResponse SerializeResponse(OperationModel operation, JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(output);
        var requestId = XmlServerWriter.RequestId(output);
        var root = operation.Name + "Response";
        var xml = new StringBuilder(512);
        xml.Append('<').Append(root);
        XmlServerWriter.AppendXmlns(xml, _namespace);
        xml.Append('>');
        if (operation.Output is { } shape)
        {
            XmlShapeWriter.WriteStructure(xml, QueryResponses.ResultWrapper(operation), shape, output);
        }
        xml.Append("<ResponseMetadata>");
        XmlServerWriter.AppendText(xml, "RequestId", requestId);
        xml.Append("</ResponseMetadata></").Append(root).Append('>');
        return XmlResponse(200, requestId, xml, "text/xml");
    }

    /// <inheritdoc />
    public override ServerResponse SerializeError(ServiceModel service, OperationModel? operation, ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(error);
        var requestId = Guid.NewGuid().ToString();
        var xml = new StringBuilder(256);
        XmlServerWriter.AppendErrorResponse(xml, _namespace, XmlServerWriter.ErrorShape(service, operation, error.Code), error, requestId);
        return XmlResponse(error.StatusCode, requestId, xml, "text/xml");
    }
}
