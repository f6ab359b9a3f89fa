using System.Text.Json;

namespace Stratus.Models;

/// <summary>An operation of a service model. Immutable and safe to share across threads.</summary>
public sealed class OperationModel
{
    private readonly ServiceModel _model;
    private readonly JsonElement _definition;
    private readonly Lazy<Shape?> _input, _output;
    private readonly Lazy<IReadOnlyList<Shape>> _errors;
    private Client.OperationFacts? _facts;

    internal OperationModel(ServiceModel model, string name, JsonElement definition)
    {
        _model = model;
        _definition = definition;
        Name = name;
        var http = JsonModel.Obj(definition, "http");
        HttpMethod = JsonModel.Str(http, "method") ?? "POST";
        RequestUri = JsonModel.Str(http, "requestUri") ?? "/";
        ResponseCode = (int?)JsonModel.Num(http, "responseCode");
        HostPrefix = JsonModel.Str(JsonModel.Obj(definition, "endpoint"), "hostPrefix");
        HttpChecksumRequired = JsonModel.Bool(definition, "httpChecksumRequired");
        HttpChecksum = JsonModel.Obj(definition, "httpChecksum");
        AuthType = JsonModel.Str(definition, "authtype");
        Auth = JsonModel.Strings(definition, "auth");
        Deprecated = JsonModel.Bool(definition, "deprecated");
        RequestCompression = JsonModel.Strings(JsonModel.Obj(definition, "requestcompression"), "encodings");
        StaticContextParams = JsonModel.Obj(definition, "staticContextParams");
        _input = new(() => JsonModel.Obj(_definition, "input") is { } r ? _model.ResolveReference(r, null) : null);
        _output = new(() => JsonModel.Obj(_definition, "output") is { } r ? _model.ResolveReference(r, null) : null);
        _errors = new(() => JsonModel.Arr(_definition, "errors") is { } a
            ? a.EnumerateArray().Select(e => _model.ResolveReference(e, null)).ToArray()
            : []);
    }

    /// <summary>The service this operation belongs to.</summary>
    public ServiceModel Service => _model;
    /// <summary>The operation name, as in the model (for example <c>DescribeKeyPairs</c>).</summary>
    public string Name { get; }
    /// <summary>The HTTP method.</summary>
    public string HttpMethod { get; }
    /// <summary>The request URI template, possibly with a literal query part.</summary>
    public string RequestUri { get; }
    /// <summary>The expected success status, if modeled.</summary>
    public int? ResponseCode { get; }
    /// <summary>The host prefix template, for example <c>{Foo}.data.</c>.</summary>
    public string? HostPrefix { get; }
    /// <summary>Whether a Content-MD5 (or flexible checksum) is required.</summary>
    public bool HttpChecksumRequired { get; }
    /// <summary>The flexible checksum trait, raw.</summary>
    public JsonElement? HttpChecksum { get; }
    /// <summary>The legacy auth type (for example <c>none</c>, <c>v4-unsigned-body</c>).</summary>
    public string? AuthType { get; }
    /// <summary>The auth schemes, in order of preference (newer models).</summary>
    public IReadOnlyList<string> Auth { get; }
    /// <summary>Whether the operation is deprecated.</summary>
    public bool Deprecated { get; }
    /// <summary>The encodings the request body may be compressed with.</summary>
    public IReadOnlyList<string> RequestCompression { get; }
    /// <summary>Static endpoint-rule parameters, raw.</summary>
    public JsonElement? StaticContextParams { get; }
    /// <summary>The operation's raw definition, for traits this class does not surface.</summary>
    public JsonElement Definition => _definition;

    /// <summary>The per-call facts of this operation, worked out once (a race only builds them twice).</summary>
    internal Client.OperationFacts Facts => _facts ??= new Client.OperationFacts(this);

    /// <summary>The input structure, if any.</summary>
    public Shape? Input => _input.Value;

    /// <summary>The output structure, if any.</summary>
    public Shape? Output => _output.Value;

    /// <summary>The modeled errors.</summary>
    public IReadOnlyList<Shape> Errors => _errors.Value;

    /// <summary>The output member that is a streaming payload, if any.</summary>
    public Shape? StreamingOutput => StreamingMember(Output);

    /// <summary>The input member that is a streaming payload, if any.</summary>
    public Shape? StreamingInput => StreamingMember(Input);

    /// <inheritdoc />
    public override string ToString() => $"{_model.Name}.{Name}";

    private static Shape? StreamingMember(Shape? structure) =>
        structure?.Payload is { } p && structure.Members.TryGetValue(p, out var member) && (member.Streaming || member.EventStream)
            ? member
            : null;
}
