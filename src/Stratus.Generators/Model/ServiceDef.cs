using System;
using System.Collections.Generic;

namespace Stratus.Generators.Model;

/// <summary>
/// A service model as the generator reads it: a bundle entry (<c>{"apiVersion", "service", "paginators"?}</c>)
/// or a bare botocore <c>service-2.json</c>. Shapes are read on demand, so a big model costs only its parse.
/// </summary>
internal sealed class ServiceDef
{
    private readonly JsonObj _shapes;
    private readonly Dictionary<string, ShapeDef?> _cache = new(StringComparer.Ordinal);

    private ServiceDef(JsonObj service, JsonObj? pagination)
    {
        var metadata = service.Obj("metadata") ?? new JsonObj();
        ServiceId = metadata.Str("serviceId") ?? metadata.Str("endpointPrefix") ?? "";
        FullName = metadata.Str("serviceFullName") ?? ServiceId;
        Operations = service.Obj("operations") ?? new JsonObj();
        _shapes = service.Obj("shapes") ?? new JsonObj();
        Pagination = pagination ?? new JsonObj();
    }

    /// <summary>The model's <c>serviceId</c>, for example <c>DynamoDB</c>.</summary>
    public string ServiceId { get; }

    /// <summary>The model's <c>serviceFullName</c>.</summary>
    public string FullName { get; }

    /// <summary>The operations, by name, in model order.</summary>
    public JsonObj Operations { get; }

    /// <summary>The paginators (<c>paginators-1.json</c>'s <c>pagination</c>), by operation.</summary>
    public JsonObj Pagination { get; }

    /// <summary>Every shape name, in model order.</summary>
    public IEnumerable<string> ShapeNames
    {
        get
        {
            foreach (var member in _shapes.Members)
            {
                yield return member.Key;
            }
        }
    }

    /// <summary>Parses a model's text.</summary>
    /// <exception cref="FormatException">Not JSON, or not a service model.</exception>
    public static ServiceDef Parse(string text)
    {
        if (JsonText.Parse(text) is not JsonObj root)
        {
            throw new FormatException("the model is not a JSON object");
        }
        if (root.Obj("service") is { } service)
        {
            return new ServiceDef(service, root.Obj("paginators")?.Obj("pagination"));
        }
        if (root.Obj("operations") is not null && root.Obj("shapes") is not null)
        {
            return new ServiceDef(root, null);
        }
        throw new FormatException("the model has neither 'service' (a bundle entry) nor 'operations' and 'shapes' (service-2.json)");
    }

    /// <summary>A shape by name, or null when the model has none.</summary>
    public ShapeDef? Shape(string name)
    {
        if (!_cache.TryGetValue(name, out var shape))
        {
            shape = _shapes.Obj(name) is { } raw ? new ShapeDef(name, raw) : null;
            _cache[name] = shape;
        }
        return shape;
    }
}

/// <summary>One shape of a model, with the traits the generated code depends on.</summary>
internal sealed class ShapeDef
{
    public ShapeDef(string name, JsonObj raw)
    {
        Name = name;
        Type = raw.Str("type") ?? "structure";
        foreach (var m in raw.Obj("members")?.Members ?? new List<KeyValuePair<string, object?>>())
        {
            if (m.Value is JsonObj member && member.Str("shape") is { } target)
            {
                Members.Add(new MemberDef(m.Key, target, member.IsTrue("streaming"), member.IsTrue("sensitive")));
            }
        }
        Required = new HashSet<string>(raw.Strings("required"), StringComparer.Ordinal);
        ListMember = raw.Obj("member")?.Str("shape");
        MapKey = raw.Obj("key")?.Str("shape");
        MapValue = raw.Obj("value")?.Str("shape");
        if (raw.Arr("enum") is { } values)
        {
            Enum = new List<string>();
            foreach (var v in values)
            {
                if (v is string s && !Enum.Contains(s))
                {
                    Enum.Add(s);
                }
            }
        }
        Sensitive = raw.IsTrue("sensitive");
        Exception = raw.IsTrue("exception");
        ErrorCode = raw.Obj("error")?.Str("code");
        Streaming = raw.IsTrue("streaming");
        EventStream = raw.IsTrue("eventstream");
        Document = raw.IsTrue("document");
    }

    /// <summary>The shape's name.</summary>
    public string Name { get; }

    /// <summary>The model type: structure, list, map, string, integer, long, float, double, boolean, timestamp, blob, bigdecimal, biginteger.</summary>
    public string Type { get; }

    /// <summary>A structure's members, in model order.</summary>
    public List<MemberDef> Members { get; } = new();

    /// <summary>A structure's required member names.</summary>
    public HashSet<string> Required { get; }

    /// <summary>A list's item shape.</summary>
    public string? ListMember { get; }

    /// <summary>A map's key shape.</summary>
    public string? MapKey { get; }

    /// <summary>A map's value shape.</summary>
    public string? MapValue { get; }

    /// <summary>A string's known values, or null when it is not an enum.</summary>
    public List<string>? Enum { get; }

    /// <summary>Whether values of this shape are secrets (never printed).</summary>
    public bool Sensitive { get; }

    /// <summary>Whether this structure is a modeled error.</summary>
    public bool Exception { get; }

    /// <summary>The error trait's code, when it differs from the shape name on the wire.</summary>
    public string? ErrorCode { get; }

    /// <summary>Whether this blob is a streaming payload.</summary>
    public bool Streaming { get; }

    /// <summary>Whether this structure is an event stream.</summary>
    public bool EventStream { get; }

    /// <summary>Whether this structure is an open document (any JSON).</summary>
    public bool Document { get; }
}

/// <summary>A structure member.</summary>
/// <param name="Name">The member name (the key in native data).</param>
/// <param name="Shape">The target shape's name.</param>
/// <param name="Streaming">Whether the member itself is marked streaming.</param>
/// <param name="Sensitive">Whether the member itself is marked sensitive.</param>
internal sealed record MemberDef(string Name, string Shape, bool Streaming, bool Sensitive);
