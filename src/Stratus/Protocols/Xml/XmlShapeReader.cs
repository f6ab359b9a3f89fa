using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using Stratus.Models;

namespace Stratus.Protocols.Xml;

/// <summary>
/// Reads XML into native values, driven by the shape: one forward pass with an <see cref="XmlReader"/>,
/// no document tree. Elements are matched by local name (namespaces do not matter on input); elements
/// the shape does not know are skipped. Every method starts on a start element and leaves the reader
/// just after that element's end.
/// </summary>
internal static class XmlShapeReader
{
    /// <summary>The key botocore uses for a union member this model does not know.</summary>
    public const string UnknownUnionMember = "SDK_UNKNOWN_MEMBER";

    /// <summary>Reads an element's value for any shape; null when a scalar element is empty and the type has no empty value.</summary>
    public static JsonNode? ReadValue(XmlReader reader, Shape shape) => shape.Type switch
    {
        ShapeType.Structure => ReadStructure(reader, shape),
        ShapeType.List => ReadList(reader, shape),
        ShapeType.Map => ReadMap(reader, shape),
        _ => ParseScalar(shape, XmlTextBuffer.Read(reader)),
    };

    /// <summary>
    /// Reads a structure element's attributes and children into <paramref name="into"/> (or a new object).
    /// With <paramref name="bodyOnly"/>, members bound to HTTP headers or the status code are left alone.
    /// <paramref name="other"/> is offered each child the shape does not know; it returns true when it consumed it.
    /// </summary>
    public static JsonObject ReadStructure(XmlReader reader, Shape shape, JsonObject? into = null, bool bodyOnly = false, Func<XmlReader, bool>? other = null)
    {
        if (into is null && other is null)
        {
            return ReadNewStructure(reader, shape, bodyOnly);
        }
        var result = into ?? [];
        var index = XmlMemberIndex.For(shape);
        if (index.HasAttributes && reader.MoveToFirstAttribute())
        {
            do
            {
                if (index.TryGetAttribute(reader.Name, reader.LocalName, out var attribute) && ParseScalar(attribute.Value, reader.Value) is { } value)
                {
                    result[attribute.Key] = value;
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        string? unknown = null;
        if (EnterChildren(reader))
        {
            while (NextChild(reader))
            {
                if (index.TryGetElement(reader.LocalName, out var entry) && !(bodyOnly && entry.Value.Location is "header" or "headers" or "statusCode"))
                {
                    ReadMember(reader, entry.Key, entry.Value, result);
                }
                else if (other is null || !other(reader))
                {
                    unknown ??= reader.LocalName;
                    reader.Skip();
                }
            }
        }
        if (shape.Union && result.Count == 0 && unknown is not null)
        {
            result[UnknownUnionMember] = new JsonObject { ["name"] = unknown };
        }
        return result;
    }

    // ReadStructure into a new object: the same reading, the properties collected first and the object built at its size.
    private static JsonObject ReadNewStructure(XmlReader reader, Shape shape, bool bodyOnly)
    {
        var result = new ObjectBuilder();
        var index = XmlMemberIndex.For(shape);
        if (index.HasAttributes && reader.MoveToFirstAttribute())
        {
            do
            {
                if (index.TryGetAttribute(reader.Name, reader.LocalName, out var attribute) && ParseScalar(attribute.Value, reader.Value) is { } value)
                {
                    result.Set(attribute.Key, value);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        string? unknown = null;
        if (EnterChildren(reader))
        {
            while (NextChild(reader))
            {
                if (index.TryGetElement(reader.LocalName, out var entry) && !(bodyOnly && entry.Value.Location is "header" or "headers" or "statusCode"))
                {
                    ReadMember(reader, entry.Key, entry.Value, ref result);
                }
                else
                {
                    unknown ??= reader.LocalName;
                    reader.Skip();
                }
            }
        }
        if (shape.Union && result.Count == 0 && unknown is not null)
        {
            result.Set(UnknownUnionMember, new JsonObject { ["name"] = unknown });
        }
        return result.ToObject();
    }

    /// <summary>Calls <paramref name="onChild"/> for each child element, which must consume it; text and other nodes are skipped.</summary>
    public static void ReadChildren(XmlReader reader, Action<XmlReader> onChild)
    {
        if (EnterChildren(reader))
        {
            while (NextChild(reader))
            {
                onChild(reader);
            }
        }
    }

    // Steps into an element's content; false (and past the element) when it is empty.
    // Then NextChild stops on each child element, which the caller must consume, and after the end tag returns false.
    // (A loop rather than a callback: this is the hot path of large responses.)
    private static bool EnterChildren(XmlReader reader)
    {
        var empty = reader.IsEmptyElement;
        reader.Read();
        return !empty;
    }

    private static bool NextChild(XmlReader reader)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return false;
                case XmlNodeType.None:
                    throw new XmlException("The XML ended inside an element.");
                default:
                    reader.Read();
                    break;
            }
        }
    }

    /// <summary>Reads the text content of an element (text, CDATA and whitespace; nested elements are skipped).</summary>
    public static string ReadText(XmlReader reader) => new(XmlTextBuffer.Read(reader));

    /// <summary>Parses scalar text for a shape; null when the text is empty and the type has no empty value.</summary>
    public static JsonNode? ParseScalar(Shape shape, string text)
    {
        switch (shape.Type)
        {
            case ShapeType.String:
            case ShapeType.Document:
                return JsonValue.Create(text);
            case ShapeType.Blob:
                return NativeValues.Blob(Convert.FromBase64String(text.Trim()));
            default:
                break;
        }
        var t = text.Trim();
        if (t.Length == 0)
        {
            return null;
        }
        return shape.Type switch
        {
            ShapeType.Integer => JsonValue.Create(int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)),
            ShapeType.Long => JsonValue.Create(long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)),
            ShapeType.Float or ShapeType.Double => JsonValue.Create(NativeValues.TryParseDouble(t, out var d) ? d : throw new FormatException($"'{t}' is not a number.")),
            ShapeType.Boolean => JsonValue.Create(bool.TryParse(t, out var b) ? b : throw new FormatException($"'{t}' is not a boolean.")),
            ShapeType.Timestamp => NativeValues.Timestamp(Timestamps.Parse(t)),
            ShapeType.BigInteger or ShapeType.BigDecimal => decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? JsonValue.Create(m) : JsonValue.Create(t),
            _ => JsonValue.Create(t),
        };
    }

    // ParseScalar from the characters: no string made for numbers, booleans and timestamps; short strings shared.
    private static JsonValue? ParseScalar(Shape shape, ReadOnlySpan<char> text)
    {
        switch (shape.Type)
        {
            case ShapeType.String:
            case ShapeType.Document:
                return JsonValue.Create(XmlTextBuffer.ToText(text));
            case ShapeType.Blob:
                return NativeValues.Blob(Convert.FromBase64String(new string(text.Trim())));
            default:
                break;
        }
        var t = text.Trim();
        if (t.Length == 0)
        {
            return null;
        }
        return shape.Type switch
        {
            ShapeType.Integer => JsonValue.Create(int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)),
            ShapeType.Long => JsonValue.Create(long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)),
            ShapeType.Float or ShapeType.Double => JsonValue.Create(NativeValues.TryParseDouble(t, out var d) ? d : throw new FormatException($"'{t}' is not a number.")),
            ShapeType.Boolean => JsonValue.Create(bool.TryParse(t, out var b) ? b : throw new FormatException($"'{t}' is not a boolean.")),
            ShapeType.Timestamp => NativeValues.Timestamp(Timestamps.TryParseCommon(t, out var ts) ? ts : Timestamps.Parse(new string(t))),
            ShapeType.BigInteger or ShapeType.BigDecimal => decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? JsonValue.Create(m) : JsonValue.Create(new string(t)),
            _ => JsonValue.Create(XmlTextBuffer.ToText(t)),
        };
    }

    private static void ReadMember(XmlReader reader, string name, Shape member, JsonObject result)
    {
        if (member.Type == ShapeType.List && member.Flattened)
        {
            // Each element is one item; the items of one list may be spread among other elements.
            if (result[name] is not JsonArray items)
            {
                result[name] = items = [];
            }
            items.Add(ReadValue(reader, member.Member));
        }
        else if (member.Type == ShapeType.Map && member.Flattened)
        {
            if (result[name] is not JsonObject entries)
            {
                result[name] = entries = [];
            }
            ReadEntry(reader, member, entries);
        }
        else if (ReadValue(reader, member) is { } value)
        {
            result[name] = value;
        }
    }

    private static void ReadMember(XmlReader reader, string name, Shape member, ref ObjectBuilder result)
    {
        if (member.Type == ShapeType.List && member.Flattened)
        {
            if (!result.TryGet(name, out var existing) || existing is not JsonArray items)
            {
                result.Set(name, items = []);
            }
            items.Add(ReadValue(reader, member.Member));
        }
        else if (member.Type == ShapeType.Map && member.Flattened)
        {
            if (!result.TryGet(name, out var existing) || existing is not JsonObject entries)
            {
                result.Set(name, entries = []);
            }
            ReadEntry(reader, member, entries);
        }
        else if (ReadValue(reader, member) is { } value)
        {
            result.Set(name, value);
        }
    }

    private static JsonArray ReadList(XmlReader reader, Shape list)
    {
        var items = new ArrayBuilder();
        if (EnterChildren(reader))
        {
            var member = list.Member;
            while (NextChild(reader))
            {
                items.Add(ReadValue(reader, member));
            }
        }
        return items.ToArray();
    }

    private static JsonObject ReadMap(XmlReader reader, Shape map)
    {
        var entries = new ObjectBuilder();
        // A provider's model may mark a map whose entries are elements named by their keys (Azure's
        // <Metadata><color>red</color></Metadata>) rather than botocore's <entry><key/><value/></entry>.
        var elementKeys = map.Definition.TryGetProperty("xmlElementKeys", out var trait) && trait.ValueKind == System.Text.Json.JsonValueKind.True;
        if (EnterChildren(reader))
        {
            while (NextChild(reader))
            {
                if (elementKeys)
                {
                    var name = reader.LocalName;
                    entries.Set(name, ReadValue(reader, map.Value));
                }
                else if (ReadEntry(reader, map) is ({ } key, var value))
                {
                    entries.Set(key, value);
                }
            }
        }
        return entries.ToObject();
    }

    // An entry element holds a key element and a value element, named "key" and "value" unless renamed.
    private static void ReadEntry(XmlReader reader, Shape map, JsonObject entries)
    {
        if (ReadEntry(reader, map) is ({ } key, var value))
        {
            entries[key] = value;
        }
    }

    // An entry's key and value; no key when the entry has no key element.
    private static (string? Key, JsonNode? Value) ReadEntry(XmlReader reader, Shape map)
    {
        var keyName = map.Key.LocationName ?? "key";
        var valueName = map.Value.LocationName ?? "value";
        string? key = null;
        JsonNode? value = null;
        if (EnterChildren(reader))
        {
            while (NextChild(reader))
            {
                if (reader.LocalName == keyName)
                {
                    key = ReadText(reader);
                }
                else if (reader.LocalName == valueName)
                {
                    value = ReadValue(reader, map.Value);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        return (key, value);
    }
}
