using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Stratus.Models;
using Stratus.Protocols.Rest;
using Stratus.Protocols.Server;
using Stratus.Protocols.Xml;

namespace Stratus.Protocols.RestXml;

/// <summary>
/// The server side of rest-xml (S3 above all): the operation by method, path template and literal query
/// (<see cref="RestRequestMatcher"/>); the input from labels, query, headers (<see cref="RestServerBinder"/>) and
/// the body (the payload member, else the body members under any root element); the output to headers, status
/// and body (the payload member, else the body members under the output's root element in S3's namespace);
/// errors as S3's bare <c>&lt;Error&gt;</c> (other services: <c>&lt;ErrorResponse&gt;&lt;Error&gt;</c>). HEAD responses
/// have no body. S3 requests must be path-style by now: the mock cloud rewrites virtual-hosted ones.
/// </summary>
internal sealed class RestXmlServerProtocol : IServerProtocol
{
    private readonly bool _s3;
    private readonly string? _namespace;

    /// <summary>Creates the protocol for a service.</summary>
    public RestXmlServerProtocol(ServiceMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _s3 = RestXmlDocuments.IsS3(metadata);
        _namespace = RestXmlDocuments.Namespace(metadata);
    }

    /// <inheritdoc />
    public string Name => "rest-xml";

    /// <inheritdoc />
    public OperationModel? FindOperation(ServiceModel service, ServerRequest request) => RestRequestMatcher.FindOperation(service, request);

    /// <inheritdoc />
    public JsonObject ParseRequest(OperationModel operation, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        var input = new JsonObject();
        if (operation.Input is not { } shape)
        {
            return input;
        }
        try
        {
            if (shape.Payload is { } payloadName && shape.Members.TryGetValue(payloadName, out var payload))
            {
                ReadPayload(payloadName, payload, request, input);
            }
            else if (shape.Members.Values.Any(m => m.Location is null))
            {
                using var reader = XmlSafeReader.OpenRoot(request.Body);
                if (reader is not null)
                {
                    XmlShapeReader.ReadStructure(reader, shape, input, bodyOnly: true);
                }
            }
        }
        catch (Exception e) when (e is XmlException or FormatException or OverflowException)
        {
            throw new ProtocolReadException(
                "The XML you provided was not well-formed or did not validate against our published schema: " + e.Message, e) { Code = "MalformedXML" };
        }
        try
        {
            RestServerBinder.BindRequest(operation, request, input);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ProtocolReadException("A header or query parameter is invalid: " + e.Message, e) { Code = "InvalidArgument" };
        }
        return input;
    }

    private static void ReadPayload(string name, Shape payload, ServerRequest request, JsonObject input)
    {
        if (RestServerPayload.TryRead(name, payload, request, input))
        {
            return;
        }
        using var reader = XmlSafeReader.OpenRoot(request.Body);
        if (reader is not null)
        {
            input[name] = XmlShapeReader.ReadValue(reader, payload);
        }
    }

    /// <inheritdoc />
    public ServerResponse SerializeResponse(OperationModel operation, JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(output);
        var response = new ServerResponse { StatusCode = operation.ResponseCode ?? 200 };
        SetRequestId(response, XmlServerWriter.RequestId(output));
        if (operation.Output is { } shape)
        {
            var body = RestServerBinder.BindResponse(shape, output, response);
            if (shape.Payload is { } payloadName && shape.Members.TryGetValue(payloadName, out var payload))
            {
                WritePayload(operation, payload, output[payloadName], response);
            }
            else if (_s3 && operation.Name == "GetBucketLocation")
            {
                // S3's one document whose root holds the value itself (botocore parses it by hand).
                var xml = new StringBuilder(128).Append(XmlServerWriter.Declaration).Append("<LocationConstraint xmlns=\"").Append(RestXmlDocuments.S3Namespace).Append("\">");
                XmlShapeWriter.AppendEscaped(xml, NativeValues.TryGetString(output["LocationConstraint"], out var location) ? location : "", attribute: false);
                XmlServerWriter.SetBody(response, xml.Append("</LocationConstraint>"), "application/xml");
            }
            else if (body.Exists(m => output[m.Key] is not null))
            {
                var xml = new StringBuilder(512).Append(XmlServerWriter.Declaration);
                XmlShapeWriter.WriteStructure(xml, RestXmlDocuments.RootName(operation, shape), shape, output, body, _namespace);
                XmlServerWriter.SetBody(response, xml, "application/xml");
            }
        }
        if (operation.HttpMethod == "HEAD")
        {
            response.BodyStream?.Dispose();
            response.BodyStream = null;
            response.Body = default;
        }
        return response;
    }

    private void WritePayload(OperationModel operation, Shape payload, JsonNode? value, ServerResponse response)
    {
        if (RestServerPayload.TryWrite(operation, payload, value, response))
        {
            return;
        }
        if (payload.Type != ShapeType.Structure)
        {
            throw new NotSupportedException($"A {payload.Type} payload is not supported by rest-xml.");
        }
        var xml = new StringBuilder(512).Append(XmlServerWriter.Declaration);
        XmlShapeWriter.WriteStructure(xml, payload.LocationName ?? payload.Name, payload, (JsonObject)value!, defaultNamespace: _namespace);
        response.Body = Encoding.UTF8.GetBytes(xml.ToString());
        response.Headers.TryAdd("Content-Type", "application/xml");
    }

    /// <inheritdoc />
    public ServerResponse SerializeError(ServiceModel service, OperationModel? operation, ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(error);
        var response = new ServerResponse { StatusCode = error.StatusCode };
        var requestId = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        SetRequestId(response, requestId);
        var shape = XmlServerWriter.ErrorShape(service, operation, error.Code);
        if (shape is not null && error.Fields is not null)
        {
            RestServerBinder.BindResponse(shape, error.Fields, response);
            response.StatusCode = error.StatusCode;
        }
        if (operation?.HttpMethod == "HEAD")
        {
            return response;
        }
        var xml = new StringBuilder(256).Append(XmlServerWriter.Declaration);
        if (_s3)
        {
            xml.Append("<Error>");
            XmlServerWriter.AppendErrorContent(xml, shape, error, withType: false);
            XmlServerWriter.AppendText(xml, "RequestId", requestId);
            XmlServerWriter.AppendText(xml, "HostId", response.Headers["x-amz-id-2"]);
            xml.Append("</Error>");
        }
        else
        {
            XmlServerWriter.AppendErrorResponse(xml, _namespace, shape, error, requestId);
        }
        XmlServerWriter.SetBody(response, xml, "application/xml");
        return response;
    }

    private void SetRequestId(ServerResponse response, string requestId)
    {
        if (_s3)
        {
            response.Headers["x-amz-request-id"] = requestId;
            response.Headers["x-amz-id-2"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        }
        else
        {
            response.Headers["x-amzn-RequestId"] = requestId;
        }
    }
}
