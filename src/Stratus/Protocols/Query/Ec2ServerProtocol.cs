using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Protocols.Xml;

namespace Stratus.Protocols.Query;

/// <summary>
/// The server side of the ec2 protocol (<see cref="FormServerProtocol"/>; the input read back by EC2's names:
/// queryName, else the capitalized name; lists always <c>Name.N</c>): the output is written as
/// <c>&lt;OpResponse xmlns="http://ec2.amazonaws.com/doc/{apiVersion}/"&gt;&lt;requestId&gt;..</c> followed by the
/// members under their model names (lists as <c>item</c> elements in EC2's model), and errors as
/// <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;&lt;Message&gt;&lt;/Error&gt;&lt;/Errors&gt;&lt;RequestID&gt;</c>.
/// </summary>
internal sealed class Ec2ServerProtocol : FormServerProtocol
{
    private readonly string _namespace;

    /// <summary>Creates the protocol for a service.</summary>
    public Ec2ServerProtocol(ServiceMetadata metadata)
        : base(new QueryFormReader(ec2: true))
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _namespace = "http://ec2.amazonaws.com/doc/" + metadata.ApiVersion + "/";
    }

    /// <inheritdoc />
    public override string Name => "ec2";

    /// <inheritdoc />
    public override ServerResponse SerializeResponse(OperationModel operation, JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(output);
        var requestId = XmlServerWriter.RequestId(output);
        var root = operation.Name + "Response";
        var requestIdElement = new StringBuilder(64);
        XmlServerWriter.AppendText(requestIdElement, "requestId", requestId);
        var xml = new StringBuilder(1024).Append(XmlServerWriter.Declaration);
        if (operation.Output is { } shape)
        {
            XmlShapeWriter.WriteStructure(xml, root, shape, output, defaultNamespace: _namespace, firstChild: requestIdElement.ToString());
        }
        else
        {
            xml.Append('<').Append(root);
            XmlServerWriter.AppendXmlns(xml, _namespace);
            xml.Append('>').Append(requestIdElement).Append("</").Append(root).Append('>');
        }
        return XmlResponse(200, requestId, xml, "text/xml;charset=UTF-8");
    }

    /// <inheritdoc />
    public override ServerResponse SerializeError(ServiceModel service, OperationModel? operation, ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(error);
        var requestId = Guid.NewGuid().ToString();
        var xml = new StringBuilder(256).Append(XmlServerWriter.Declaration).Append("<Response><Errors><Error>");
        XmlServerWriter.AppendErrorContent(xml, XmlServerWriter.ErrorShape(service, operation, error.Code), error, withType: false);
        xml.Append("</Error></Errors>");
        XmlServerWriter.AppendText(xml, "RequestID", requestId);
        xml.Append("</Response>");
        return XmlResponse(error.StatusCode, requestId, xml, "text/xml;charset=UTF-8");
    }
}
