using System.Text.Json;

namespace Stratus.Models;

/// <summary>
/// A shape of a service model, or a reference to one from a member: a member's own traits
/// (location, locationName, xmlNamespace, ...) override the target shape's, as in botocore.
/// Traits are read once, in the constructor; member, key and value shapes resolve lazily.
/// Shapes are immutable and safe to share across threads.
/// </summary>
public sealed class Shape
{
    private readonly ServiceModel _model;
    private readonly JsonElement _definition;
    private IReadOnlyDictionary<string, Shape>? _members;
    private KeyValuePair<string, Shape>[]? _memberArray;
    private byte[]? _wireNameUtf8;
    private bool? _wireNamesRepeat;
    private Shape? _member, _key, _value;

    internal Shape(ServiceModel model, string name, JsonElement definition, JsonElement? reference, string? memberName)
    {
        _model = model;
        _definition = definition;
        JsonElement? d = definition;
        var r = reference;
        Name = name;
        MemberName = memberName;
        Type = ParseType(JsonModel.Str(d, "type") ?? "structure", name);
        Location = JsonModel.Str(r, "location") ?? JsonModel.Str(d, "location");
        LocationName = JsonModel.Str(r, "locationName") ?? JsonModel.Str(d, "locationName");
        QueryName = JsonModel.Str(r, "queryName") ?? JsonModel.Str(d, "queryName");
        Flattened = JsonModel.Bool(r, "flattened") || JsonModel.Bool(d, "flattened");
        XmlAttribute = JsonModel.Bool(r, "xmlAttribute") || JsonModel.Bool(d, "xmlAttribute");
        // xmlNamespace is an object ({"uri", "prefix"}) or, in models converted from Smithy, just the URI.
        var nsHolder = JsonModel.Has(r, "xmlNamespace") ? r : d;
        var ns = JsonModel.Obj(nsHolder, "xmlNamespace");
        XmlNamespaceUri = JsonModel.Str(ns, "uri") ?? JsonModel.Str(nsHolder, "xmlNamespace");
        XmlNamespacePrefix = JsonModel.Str(ns, "prefix");
        TimestampFormat = JsonModel.Str(r, "timestampFormat") ?? JsonModel.Str(d, "timestampFormat");
        Streaming = JsonModel.Bool(r, "streaming") || JsonModel.Bool(d, "streaming");
        RequiresLength = JsonModel.Bool(r, "requiresLength") || JsonModel.Bool(d, "requiresLength");
        EventStream = JsonModel.Bool(d, "eventstream") || JsonModel.Bool(r, "eventstream");
        Event = JsonModel.Bool(d, "event");
        EventPayload = JsonModel.Bool(r, "eventpayload");
        EventHeader = JsonModel.Bool(r, "eventheader");
        JsonValue = JsonModel.Bool(r, "jsonvalue") || JsonModel.Bool(d, "jsonvalue");
        IdempotencyToken = JsonModel.Bool(r, "idempotencyToken");
        HostLabel = JsonModel.Bool(r, "hostLabel");
        Sensitive = JsonModel.Bool(d, "sensitive") || JsonModel.Bool(r, "sensitive");
        Document = JsonModel.Bool(d, "document");
        Union = JsonModel.Bool(d, "union");
        Exception = JsonModel.Bool(d, "exception");
        Fault = JsonModel.Bool(d, "fault");
        Deprecated = JsonModel.Bool(r, "deprecated") || JsonModel.Bool(d, "deprecated");
        // An operation's input/output reference may carry the payload trait itself (older models do).
        Payload = JsonModel.Str(r, "payload") ?? JsonModel.Str(d, "payload");
        Min = JsonModel.Num(d, "min");
        Max = JsonModel.Num(d, "max");
        Pattern = JsonModel.Str(d, "pattern");
        ContextParam = JsonModel.Str(JsonModel.Obj(r, "contextParam"), "name");
        if (JsonModel.Arr(d, "enum") is not null)
        {
            Enum = JsonModel.Strings(d, "enum");
        }
        Required = JsonModel.Strings(d, "required");
        if (JsonModel.Obj(d, "error") is { } err)
        {
            Error = new ShapeError(JsonModel.Str(err, "code"), (int?)JsonModel.Num(err, "httpStatusCode"), JsonModel.Bool(err, "senderFault"));
        }
        if (Document)
        {
            Type = ShapeType.Document;
        }
    }

    /// <summary>The model this shape belongs to.</summary>
    public ServiceModel Model => _model;
    /// <summary>The shape's name in the model.</summary>
    public string Name { get; }
    /// <summary>The member name this reference was reached through, if any.</summary>
    public string? MemberName { get; }
    /// <summary>The kind of shape.</summary>
    public ShapeType Type { get; }
    /// <summary>Where an HTTP binding puts the member: <c>uri</c>, <c>querystring</c>, <c>header</c>, <c>headers</c>, <c>statusCode</c>; null for the body.</summary>
    public string? Location { get; }
    /// <summary>The wire name of the member (or of the list member element).</summary>
    public string? LocationName { get; }
    /// <summary>The ec2 protocol's wire name.</summary>
    public string? QueryName { get; }
    /// <summary>Whether a list or map is flattened in XML and query serializations.</summary>
    public bool Flattened { get; }
    /// <summary>Whether the member is an XML attribute.</summary>
    public bool XmlAttribute { get; }
    /// <summary>The XML namespace URI, if declared.</summary>
    public string? XmlNamespaceUri { get; }
    /// <summary>The XML namespace prefix, if declared.</summary>
    public string? XmlNamespacePrefix { get; }
    /// <summary>The timestamp format: iso8601, rfc822 or unixTimestamp; null for the protocol's default.</summary>
    public string? TimestampFormat { get; }
    /// <summary>Whether a blob or string payload is streamed.</summary>
    public bool Streaming { get; }
    /// <summary>Whether a streaming body must have a known length.</summary>
    public bool RequiresLength { get; }
    /// <summary>Whether the shape is an event stream.</summary>
    public bool EventStream { get; }
    /// <summary>Whether the structure is one kind of event of an event stream.</summary>
    public bool Event { get; }
    /// <summary>Whether the event member is the event message's payload.</summary>
    public bool EventPayload { get; }
    /// <summary>Whether the event member is carried in an event message header.</summary>
    public bool EventHeader { get; }
    /// <summary>Whether a string header carries base64 JSON.</summary>
    public bool JsonValue { get; }
    /// <summary>Whether the member is filled with a fresh token when absent.</summary>
    public bool IdempotencyToken { get; }
    /// <summary>Whether the member is bound into the host prefix.</summary>
    public bool HostLabel { get; }
    /// <summary>Whether the value must be kept out of logs.</summary>
    public bool Sensitive { get; }
    /// <summary>Whether the shape is an untyped document.</summary>
    public bool Document { get; }
    /// <summary>Whether the structure is a tagged union (exactly one member set).</summary>
    public bool Union { get; }
    /// <summary>Whether the structure is an error.</summary>
    public bool Exception { get; }
    /// <summary>Whether the error is the service's fault.</summary>
    public bool Fault { get; }
    /// <summary>Whether the member is deprecated.</summary>
    public bool Deprecated { get; }
    /// <summary>The member that is the HTTP payload, for REST protocols.</summary>
    public string? Payload { get; }
    /// <summary>Minimum length, size or value.</summary>
    public double? Min { get; }
    /// <summary>Maximum length, size or value.</summary>
    public double? Max { get; }
    /// <summary>A regular expression the value must match.</summary>
    public string? Pattern { get; }
    /// <summary>The known values of a string enum.</summary>
    public IReadOnlyList<string>? Enum { get; }
    /// <summary>The endpoint-rules parameter this member feeds, if any.</summary>
    public string? ContextParam { get; }
    /// <summary>The names of required members.</summary>
    public IReadOnlyList<string> Required { get; }
    /// <summary>The error trait of an exception shape.</summary>
    public ShapeError? Error { get; }

    /// <summary>The members of a structure, in model order (empty for other shapes).</summary>
    public IReadOnlyDictionary<string, Shape> Members => _members ??= BuildMembers();

    /// <summary>The members as an array, in model order: enumerating it allocates nothing, unlike the dictionary's interface.</summary>
    internal KeyValuePair<string, Shape>[] MemberArray => _memberArray ??= [.. Members];

    /// <summary>The element shape of a list.</summary>
    public Shape Member => _member ??= Resolve("member");

    /// <summary>The key shape of a map.</summary>
    public Shape Key => _key ??= Resolve("key");

    /// <summary>The value shape of a map.</summary>
    public Shape Value => _value ??= Resolve("value");

    /// <summary>The wire name: <see cref="LocationName"/> when set, else the member name, else the shape name.</summary>
    public string WireName => LocationName ?? MemberName ?? Name;

    /// <summary>The wire name in UTF-8, for looking it up in a parsed JSON body without transcoding it per lookup.</summary>
    internal byte[] WireNameUtf8 => _wireNameUtf8 ??= System.Text.Encoding.UTF8.GetBytes(WireName);

    /// <summary>Whether two members of this structure share a wire name (a reader matching names must then look for both).</summary>
    internal bool WireNamesRepeat => _wireNamesRepeat ??= MemberArray.Select(m => m.Value.WireName).Distinct(StringComparer.Ordinal).Count() != MemberArray.Length;

    /// <summary>The shape's raw definition, for traits this class does not surface.</summary>
    public JsonElement Definition => _definition;

    /// <inheritdoc />
    public override string ToString() => MemberName is null ? $"{Name} ({Type})" : $"{MemberName}: {Name} ({Type})";

    private Shape Resolve(string key) =>
        JsonModel.Obj(_definition, key) is { } reference
            ? _model.ResolveReference(reference, null)
            : throw new InvalidOperationException($"Shape '{Name}' of type {Type} has no '{key}'.");

    private OrderedDictionaryView BuildMembers()
    {
        // Ordered: serializers emit members in model order, as other SDKs do.
        var result = new OrderedDictionaryView();
        if (JsonModel.Obj(_definition, "members") is { } members)
        {
            foreach (var p in members.EnumerateObject())
            {
                result.Add(p.Name, _model.ResolveReference(p.Value, p.Name));
            }
        }
        return result;
    }

    private static ShapeType ParseType(string type, string name) => type switch
    {
        "structure" => ShapeType.Structure,
        "list" => ShapeType.List,
        "map" => ShapeType.Map,
        "string" or "character" => ShapeType.String,
        "integer" or "byte" or "short" => ShapeType.Integer,
        "long" => ShapeType.Long,
        "float" => ShapeType.Float,
        "double" => ShapeType.Double,
        "boolean" => ShapeType.Boolean,
        "timestamp" => ShapeType.Timestamp,
        "blob" => ShapeType.Blob,
        "bigInteger" => ShapeType.BigInteger,
        "bigDecimal" => ShapeType.BigDecimal,
        "document" => ShapeType.Document,
        _ => throw new InvalidDataException($"Shape '{name}' has unknown type '{type}'."),
    };

    /// <summary>A read-only dictionary that enumerates in insertion order.</summary>
    private sealed class OrderedDictionaryView : System.Collections.ObjectModel.ReadOnlyDictionary<string, Shape>
    {
        public OrderedDictionaryView() : base(new OrderedDictionary<string, Shape>(StringComparer.Ordinal)) { }
        public void Add(string key, Shape value) => ((OrderedDictionary<string, Shape>)Dictionary).Add(key, value);
    }
}
