using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Rest;

namespace Stratus.Protocols.Xml;

/// <summary>
/// Writes native values as XML, driven by the shape: element names from locationName (else the member
/// name), lists wrapped in <c>member</c> elements unless flattened, maps as <c>entry</c>/<c>key</c>/<c>value</c>
/// unless flattened, xmlAttribute members as attributes, and an <c>xmlns</c> declaration on every element whose
/// shape has an xmlNamespace. Scalars are written as in query strings (timestamps ISO 8601 unless the shape says
/// otherwise, blobs base64). Null values are left out.
/// </summary>
internal static class XmlShapeWriter
{
    /// <summary>
    /// Writes a structure as an element named <paramref name="name"/>; <paramref name="members"/> limits it to some members (the HTTP body's).
    /// A server writing a document's root passes the <paramref name="defaultNamespace"/> to declare when the shape has none of its own,
    /// and any <paramref name="firstChild"/> markup (ec2's <c>requestId</c>) to write before the members.
    /// </summary>
    public static void WriteStructure(
        StringBuilder xml, string name, Shape shape, JsonObject value, IEnumerable<KeyValuePair<string, Shape>>? members = null,
        string? defaultNamespace = null, string? firstChild = null)
    {
        members ??= shape.Members;
        xml.Append('<').Append(name);
        AppendNamespace(xml, shape);
        if (shape.XmlNamespaceUri is null && defaultNamespace is not null)
        {
            xml.Append(" xmlns=\"");
            AppendEscaped(xml, defaultNamespace, attribute: true);
            xml.Append('"');
        }
        foreach (var (memberName, member) in members)
        {
            if (member.XmlAttribute && value[memberName] is { } attribute)
            {
                xml.Append(' ').Append(member.LocationName ?? memberName).Append("=\"");
                AppendEscaped(xml, Scalar(member, attribute), attribute: true);
                xml.Append('"');
            }
        }
        xml.Append('>').Append(firstChild);
        foreach (var (memberName, member) in members)
        {
            if (!member.XmlAttribute && value[memberName] is { } child)
            {
                WriteValue(xml, member.LocationName ?? memberName, member, child);
            }
        }
        xml.Append("</").Append(name).Append('>');
    }

    /// <summary>Writes any value as an element (or, for flattened lists and maps, as a run of elements) named <paramref name="name"/>.</summary>
    public static void WriteValue(StringBuilder xml, string name, Shape shape, JsonNode value)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(xml, name, shape, (JsonObject)value);
                break;
            case ShapeType.List:
                WriteList(xml, name, shape, (JsonArray)value);
                break;
            case ShapeType.Map:
                WriteMap(xml, name, shape, (JsonObject)value);
                break;
            default:
                Open(xml, name, shape);
                AppendEscaped(xml, Scalar(shape, value), attribute: false);
                Close(xml, name);
                break;
        }
    }

    private static void WriteList(StringBuilder xml, string name, Shape list, JsonArray items)
    {
        if (list.Flattened)
        {
            foreach (var item in items)
            {
                if (item is not null)
                {
                    WriteValue(xml, name, list.Member, item);
                }
            }
            return;
        }
        Open(xml, name, list);
        var itemName = list.Member.LocationName ?? "member";
        foreach (var item in items)
        {
            if (item is not null)
            {
                WriteValue(xml, itemName, list.Member, item);
            }
        }
        Close(xml, name);
    }

    private static void WriteMap(StringBuilder xml, string name, Shape map, JsonObject entries)
    {
        var keyName = map.Key.LocationName ?? "key";
        var valueName = map.Value.LocationName ?? "value";
        if (!map.Flattened)
        {
            Open(xml, name, map);
        }
        foreach (var (key, value) in entries)
        {
            if (value is null)
            {
                continue;
            }
            if (map.Flattened)
            {
                Open(xml, name, map);
            }
            else
            {
                xml.Append("<entry>");
            }
            WriteValue(xml, keyName, map.Key, JsonValue.Create(key));
            WriteValue(xml, valueName, map.Value, value);
            xml.Append(map.Flattened ? "</" + name + ">" : "</entry>");
        }
        if (!map.Flattened)
        {
            Close(xml, name);
        }
    }

    private static void Open(StringBuilder xml, string name, Shape shape)
    {
        xml.Append('<').Append(name);
        AppendNamespace(xml, shape);
        xml.Append('>');
    }

    private static void Close(StringBuilder xml, string name) => xml.Append("</").Append(name).Append('>');

    private static void AppendNamespace(StringBuilder xml, Shape shape)
    {
        if (shape.XmlNamespaceUri is not { } uri)
        {
            return;
        }
        xml.Append(" xmlns");
        if (shape.XmlNamespacePrefix is { Length: > 0 } prefix)
        {
            xml.Append(':').Append(prefix);
        }
        xml.Append("=\"");
        AppendEscaped(xml, uri, attribute: true);
        xml.Append('"');
    }

    private static string Scalar(Shape shape, JsonNode value) => RestRequestBinder.Scalar(shape, value, Timestamps.Iso8601);

    /// <summary>Appends text escaped for element content or (with <paramref name="attribute"/>) a double-quoted attribute value.</summary>
    public static void AppendEscaped(StringBuilder xml, string text, bool attribute)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': xml.Append("&amp;"); break;
                case '<': xml.Append("&lt;"); break;
                case '>': xml.Append("&gt;"); break;
                // A literal CR would be read back as LF; a character reference keeps it.
                case '\r': xml.Append("&#xD;"); break;
                case '"' when attribute: xml.Append("&quot;"); break;
                case '\n' when attribute: xml.Append("&#xA;"); break;
                case '\t' when attribute: xml.Append("&#x9;"); break;
                default: xml.Append(c); break;
            }
        }
    }
}
