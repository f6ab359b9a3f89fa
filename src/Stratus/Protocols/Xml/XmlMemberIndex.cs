using System.Runtime.CompilerServices;
using Stratus.Models;

namespace Stratus.Protocols.Xml;

/// <summary>
/// For one structure shape, which member each child element or attribute holds, by local name.
/// Built once per shape and cached, so large responses (EC2's Describe*) cost one dictionary
/// lookup per element.
/// </summary>
internal sealed class XmlMemberIndex
{
    private static readonly ConditionalWeakTable<Shape, XmlMemberIndex> Cache = new();

    private readonly Dictionary<string, KeyValuePair<string, Shape>> _elements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyValuePair<string, Shape>>? _attributes;

    private XmlMemberIndex(Shape structure)
    {
        foreach (var (name, member) in structure.Members)
        {
            if (member.XmlAttribute)
            {
                _attributes ??= new(StringComparer.Ordinal);
                var attributeName = member.LocationName ?? name;
                _attributes.TryAdd(attributeName, new(name, member));
                // A prefixed name ("xsi:type") also matches by its local part.
                var colon = attributeName.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    _attributes.TryAdd(attributeName[(colon + 1)..], new(name, member));
                }
            }
            else
            {
                _elements.TryAdd(PrimaryName(name, member), new(name, member));
            }
        }
        // Second choices, never shadowing a first choice: the member name itself (a flattened list's
        // items are named after the member in Smithy models, after the list's member in older ones).
        foreach (var (name, member) in structure.Members)
        {
            if (!member.XmlAttribute)
            {
                _elements.TryAdd(name, new(name, member));
                if (member.LocationName is { } located)
                {
                    _elements.TryAdd(located, new(name, member));
                }
            }
        }
    }

    /// <summary>Whether any member is an XML attribute.</summary>
    public bool HasAttributes => _attributes is not null;

    /// <summary>Gets the index of a structure shape.</summary>
    public static XmlMemberIndex For(Shape structure) => Cache.GetValue(structure, static s => new XmlMemberIndex(s));

    // The name a member's element usually has: its locationName, else (flattened lists) its items' name, else the member name.
    private static string PrimaryName(string memberName, Shape member) =>
        member.LocationName
        ?? (member.Type == ShapeType.List && member.Flattened ? member.Member.LocationName : null)
        ?? memberName;

    /// <summary>Finds the member an element holds.</summary>
    public bool TryGetElement(string localName, out KeyValuePair<string, Shape> member) => _elements.TryGetValue(localName, out member);

    /// <summary>Finds the member an attribute holds.</summary>
    public bool TryGetAttribute(string name, string localName, out KeyValuePair<string, Shape> member)
    {
        member = default;
        return _attributes is not null && (_attributes.TryGetValue(name, out member) || _attributes.TryGetValue(localName, out member));
    }
}
