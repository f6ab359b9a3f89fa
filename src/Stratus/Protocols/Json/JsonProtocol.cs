using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Json;

/// <summary>
/// The <c>json</c> protocol (AWS JSON 1.0 and 1.1): every call is <c>POST /</c> with
/// <c>X-Amz-Target: {targetPrefix}.{Operation}</c> and a JSON object body (<c>{}</c> when there is no input).
/// </summary>
internal sealed class JsonProtocol : WireProtocol
{
    private readonly ServiceMetadata _metadata;
    private readonly string _contentType;

    // X-Amz-Target per operation, made once (a protocol instance serves one service).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<OperationModel, string> _targets = new();

    /// <summary>Creates the protocol for a service.</summary>
    public JsonProtocol(ServiceMetadata metadata)
    {
        _metadata = metadata;
        _contentType = "application/x-amz-json-" + metadata.JsonVersion;
    }

    /// <inheritdoc />
    public override string Name => "json";

    /// <inheritdoc />
    protected override void Serialize(OperationModel operation, JsonObject input, SerializedRequest request)
    {
        request.Path = "/";
        request.Headers["Content-Type"] = _contentType;
        if (!_targets.TryGetValue(operation, out var target))
        {
            target = _targets.GetValue(operation, o => $"{_metadata.TargetPrefix}.{o.Name}");
        }
        request.Headers["X-Amz-Target"] = target;
        if (_metadata.AwsQueryCompatible)
        {
            request.Headers["x-amzn-query-mode"] = "true";
        }
        request.Body = operation.Input is { } shape
            ? JsonBodyWriter.WriteObject(shape.MemberArray, input)
            : "{}"u8.ToArray();
    }

    /// <inheritdoc />
    public override JsonObject ParseResponse(OperationModel operation, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        var result = new JsonObject();
        if (operation.Output is { } shape)
        {
            if (EventStreamMember(shape) is { } streamMember)
            {
                using var body = response.BodyStream ?? new MemoryStream(response.Body.ToArray());
                JsonEventStream.Read(shape, streamMember, body, result);
            }
            else
            {
                JsonStreamReader.ReadMembers(shape.MemberArray, response.Body.Span, result);
            }
        }
        return ErrorShapes.WithRequestId(result, response);
    }

    /// <inheritdoc />
    public override ParsedError ParseError(OperationModel operation, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        return JsonErrorParser.Parse(operation, response, restBindings: false);
    }

    private static string? EventStreamMember(Shape output)
    {
        foreach (var (name, member) in output.Members)
        {
            if (member.EventStream)
            {
                return name;
            }
        }
        return null;
    }
}
