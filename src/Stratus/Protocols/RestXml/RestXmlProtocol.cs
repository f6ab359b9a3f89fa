using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.EventStreams;
using Stratus.Protocols.Rest;
using Stratus.Protocols.Xml;

namespace Stratus.Protocols.RestXml;

/// <summary>
/// The rest-xml protocol (S3, CloudFront, Route 53): HTTP bindings for labels, query string and headers,
/// and an XML body: either the payload member (a structure as XML, a blob or string as-is, streaming or not)
/// or the remaining members inside a root element named after the input. Errors are
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;</c> or, from S3, a bare <c>&lt;Error&gt;</c>.
/// </summary>
internal sealed class RestXmlProtocol : WireProtocol
{
    /// <summary>Creates the protocol for a service.</summary>
    public RestXmlProtocol(ServiceMetadata metadata) => ArgumentNullException.ThrowIfNull(metadata);

    /// <inheritdoc />
    public override string Name => "rest-xml";

    /// <inheritdoc />
    protected override void Serialize(OperationModel operation, JsonObject input, SerializedRequest request)
    {
        var bodyMembers = RestRequestBinder.Bind(operation, input, request);
        if (operation.Input is not { } shape)
        {
            return;
        }
        if (shape.Payload is { } payloadName && shape.Members.TryGetValue(payloadName, out var payload))
        {
            SerializePayload(payload, input[payloadName], request);
            return;
        }
        if (bodyMembers.Count > 0)
        {
            bodyMembers.RemoveAll(m => input[m.Key] is null);
        }
        if (bodyMembers.Count == 0)
        {
            return;
        }
        var xml = new StringBuilder(256);
        XmlShapeWriter.WriteStructure(xml, RootName(shape), shape, input, bodyMembers);
        request.SetBody(xml.ToString());
        request.Headers.TryAdd("Content-Type", "application/xml");
    }

    private static void SerializePayload(Shape payload, JsonNode? value, SerializedRequest request)
    {
        if (value is null)
        {
            return;
        }
        if (NativeValues.TryGetStream(value, out var stream))
        {
            request.BodyStream = stream;
            return;
        }
        switch (payload.Type)
        {
            case ShapeType.Blob:
                // No Content-Type: S3 stores the one the caller gives (a ContentType member), else its own default.
                request.Body = NativeValues.TryGetBytes(value, out var bytes) ? bytes : throw new FormatException("A blob payload is expected.");
                break;
            case ShapeType.String:
                request.SetBody(NativeValues.TryGetString(value, out var text) ? text : value.ToJsonString());
                request.Headers.TryAdd("Content-Type", "text/plain");
                break;
            case ShapeType.Structure:
                var xml = new StringBuilder(256);
                XmlShapeWriter.WriteStructure(xml, payload.LocationName ?? payload.Name, payload, (JsonObject)value);
                request.SetBody(xml.ToString());
                request.Headers.TryAdd("Content-Type", "application/xml");
                break;
            default:
                throw new NotSupportedException($"A {payload.Type} payload is not supported by rest-xml.");
        }
    }

    // The input's root element: the name the shape itself declares, else the operation's reference's, else the shape name.
    private static string RootName(Shape input) =>
        input.Definition.TryGetProperty("locationName", out var own) && own.ValueKind == JsonValueKind.String
            ? own.GetString()!
            : input.LocationName ?? input.Name;

    /// <inheritdoc />
    public override JsonObject ParseResponse(OperationModel operation, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        JsonObject result;
        if (operation.Output is { } shape)
        {
            // The header members first, the object made at their size; the body's members follow.
            var headers = new ObjectBuilder();
            var bodyMembers = RestResponseBinder.Bind(shape, response, ref headers);
            result = headers.ToObject();
            if (shape.Payload is { } payloadName && shape.Members.TryGetValue(payloadName, out var payload))
            {
                ParsePayload(payloadName, payload, response, result);
            }
            else if (bodyMembers.Length > 0)
            {
                using var reader = XmlSafeReader.OpenRoot(response.Body);
                if (reader is not null)
                {
                    XmlShapeReader.ReadStructure(reader, shape, result, bodyOnly: true);
                }
            }
        }
        else
        {
            result = [];
        }
        AddMetadata(response, result);
        return result;
    }

    private static void ParsePayload(string name, Shape payload, RawResponse response, JsonObject result)
    {
        if (payload.Streaming || payload.EventStream)
        {
            var body = response.BodyStream ?? new MemoryStream(response.Body.ToArray(), writable: false);
            result[name] = payload.EventStream
                ? NativeValues.Events(new EventStream(body, message => EventStreamEvents.Parse(payload, message, ParseEventBody)))
                : NativeValues.Stream(body);
            return;
        }
        if (response.Body.IsEmpty)
        {
            return;
        }
        switch (payload.Type)
        {
            case ShapeType.Blob:
                result[name] = NativeValues.Blob(response.Body.ToArray());
                break;
            case ShapeType.String:
                result[name] = Encoding.UTF8.GetString(response.Body.Span);
                break;
            default:
                using (var reader = XmlSafeReader.OpenRoot(response.Body))
                {
                    if (reader is not null)
                    {
                        result[name] = XmlShapeReader.ReadValue(reader, payload);
                    }
                }
                break;
        }
    }

    private static JsonObject ParseEventBody(Shape shape, ReadOnlyMemory<byte> payload)
    {
        using var reader = XmlSafeReader.OpenRoot(payload);
        return reader is null ? [] : XmlShapeReader.ReadStructure(reader, shape);
    }

    private static void AddMetadata(RawResponse response, JsonObject result)
    {
        var requestId = response.Header("x-amz-request-id") ?? response.Header("x-amzn-RequestId");
        if (requestId is null)
        {
            return;
        }
        var metadata = new JsonObject { ["RequestId"] = requestId };
        if (response.Header("x-amz-id-2") is { } hostId)
        {
            metadata["HostId"] = hostId;
        }
        result["ResponseMetadata"] = metadata;
    }

    /// <inheritdoc />
    public override ParsedError ParseError(OperationModel operation, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        var body = XmlErrorBody.Read(response.Body);
        var code = body.Code ?? XmlErrorBody.StatusCode(response.StatusCode);
        var message = body.Message ?? (body.Code is null ? XmlErrorBody.ReasonPhrase(response.StatusCode) : null);
        var shape = XmlErrorBody.FindShape(operation, code);
        var document = new JsonObject();
        if (shape is not null)
        {
            RestResponseBinder.Bind(shape, response, document);
            body.ReadMembers(shape, document);
        }
        var requestId = body.RequestId ?? response.Header("x-amz-request-id") ?? response.Header("x-amzn-RequestId");
        return new ParsedError(code, message, document, shape, requestId);
    }

    /// <summary>
    /// Whether a 200 response actually carries an error: S3 may answer CompleteMultipartUpload, CopyObject and
    /// UploadPartCopy with 200 and an <c>&lt;Error&gt;</c> document once it has started sending. The client calls
    /// this before <see cref="ParseResponse"/> (which would otherwise return an empty result) and, when true,
    /// parses the response with <see cref="ParseError"/> instead. Streaming bodies are never inspected.
    /// </summary>
    internal static bool IsErrorBody(RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != 200 || response.BodyStream is not null)
        {
            return false;
        }
        try
        {
            using var reader = XmlSafeReader.OpenRoot(response.Body);
            return reader?.LocalName == "Error";
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }
}
