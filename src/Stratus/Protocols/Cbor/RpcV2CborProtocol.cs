using System.Formats.Cbor;
using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Json;

namespace Stratus.Protocols.Cbor;

/// <summary>
/// The <c>smithy-rpc-v2-cbor</c> protocol: every call is <c>POST /service/{Service}/operation/{Operation}</c>
/// with <c>smithy-protocol: rpc-v2-cbor</c>; the input structure is a CBOR map (no body at all when the
/// operation has no input); errors name their shape in <c>__type</c>.
/// </summary>
internal sealed class RpcV2CborProtocol : WireProtocol
{
    private const string MediaType = "application/cbor";
    private readonly ServiceMetadata _metadata;
    private readonly string _servicePath;

    /// <summary>Creates the protocol for a service.</summary>
    public RpcV2CborProtocol(ServiceMetadata metadata)
    {
        _metadata = metadata;
        _servicePath = "/service/" + UriEncoding.Encode(ServiceName(metadata)) + "/operation/";
    }

    /// <summary>The service's name in request paths: its shape name, which models converted from Smithy carry as targetPrefix.</summary>
    internal static string ServiceName(ServiceMetadata metadata) =>
        metadata.TargetPrefix ?? metadata.ServiceId.Replace(" ", "", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string Name => "smithy-rpc-v2-cbor";

    /// <inheritdoc />
    protected override void Serialize(OperationModel operation, JsonObject input, SerializedRequest request)
    {
        request.Method = "POST";
        request.Path = _servicePath + UriEncoding.Encode(operation.Name);
        request.Headers["smithy-protocol"] = "rpc-v2-cbor";
        request.Headers["Accept"] = MediaType;
        if (_metadata.AwsQueryCompatible)
        {
            request.Headers["x-amzn-query-mode"] = "true";
        }
        if (operation.Input is { } shape)
        {
            request.Body = CborBodyWriter.WriteStructure(shape, input);
            request.Headers["Content-Type"] = MediaType;
        }
    }

    /// <inheritdoc />
    public override JsonObject ParseResponse(OperationModel operation, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        var result = new JsonObject();
        if (operation.Output is { } shape && !response.Body.IsEmpty)
        {
            CborBodyReader.ReadStructure(shape, CborBodyReader.Open(response.Body), result);
        }
        return ErrorShapes.WithRequestId(result, response);
    }

    /// <inheritdoc />
    public override ParsedError ParseError(OperationModel operation, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        var body = JsonErrorParser.ErrorBody(response);
        var (wireType, message) = ReadEnvelope(body);
        var type = ErrorShapes.Sanitize(wireType);
        var code = ErrorShapes.QueryCompatibleCode(_metadata, response)
            ?? type
            ?? response.StatusCode.ToString(CultureInfo.InvariantCulture);
        var shape = ErrorShapes.Find(operation, type) ?? (code != type ? ErrorShapes.Find(operation, code) : null);
        var document = new JsonObject();
        if (shape is not null && !body.IsEmpty)
        {
            try
            {
                CborBodyReader.ReadStructure(shape, CborBodyReader.Open(body), document);
            }
            catch (CborContentException)
            {
                // A malformed error body still yields the code and status.
            }
        }
        return new ParsedError(code, message, document, shape, response.Header(ErrorShapes.RequestIdHeader));
    }

    /// <summary>Reads <c>__type</c> and the message from the top-level map of an error body.</summary>
    private static (string? Type, string? Message) ReadEnvelope(ReadOnlyMemory<byte> body)
    {
        string? type = null, message = null;
        if (body.IsEmpty)
        {
            return (type, message);
        }
        try
        {
            var r = CborBodyReader.Open(body);
            if (r.PeekState() != CborReaderState.StartMap)
            {
                return (type, message);
            }
            var length = r.ReadStartMap();
            for (var i = 0; length is null ? r.PeekState() != CborReaderState.EndMap : i < length; i++)
            {
                var key = r.ReadTextString();
                var isText = r.PeekState() is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString;
                switch (key)
                {
                    case "__type" when isText:
                        type = r.ReadTextString();
                        break;
                    case "message" or "Message" or "errorMessage" when isText && message is null:
                        message = r.ReadTextString();
                        break;
                    default:
                        r.SkipValue();
                        break;
                }
            }
        }
        catch (CborContentException)
        {
            // Keep what was read before the damage.
        }
        catch (InvalidOperationException)
        {
            // A key that is not text: not the error envelope this protocol defines.
        }
        return (type, message);
    }
}
