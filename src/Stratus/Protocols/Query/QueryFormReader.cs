using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Protocols.Xml;

namespace Stratus.Protocols.Query;

/// <summary>
/// Reads the form fields of the query and ec2 protocols back into an operation's input: the reverse of
/// <see cref="QueryFormSerializer"/>, by the same names. The fields are first arranged as a tree on their
/// dots (<c>A.member.1.B</c>), which the shape then walks; list and map indexes may be sparse or unordered.
/// Query lists are also read in the other layout (flattened for a wrapped list and the reverse), as some
/// clients send them.
/// </summary>
internal sealed class QueryFormReader
{
    private readonly bool _ec2;

    /// <summary>Creates a reader for the query protocol, or with <paramref name="ec2"/> for the ec2 protocol.</summary>
    public QueryFormReader(bool ec2) => _ec2 = ec2;

    /// <summary>
    /// The request's fields: the query string's, then the body's when it is a form (by its Content-Type, or
    /// with none); another body (a JSON request to a service that also speaks JSON) is not this protocol's.
    /// </summary>
    /// <exception cref="ProtocolReadException">The body is not a valid form (<c>MalformedQueryString</c>).</exception>
    public static List<KeyValuePair<string, string>> Fields(ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new List<KeyValuePair<string, string>>(request.Query.Count + 8);
        foreach (var (k, v) in request.Query)
        {
            fields.Add(new(k, v ?? ""));
        }
        var contentType = request.Header("Content-Type");
        if (!request.Body.IsEmpty
            && (contentType is null || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
        {
            ParseForm(request.Body.Span, fields);
        }
        return fields;
    }

    /// <summary>Parses <c>application/x-www-form-urlencoded</c> text into fields ('+' is a space).</summary>
    /// <exception cref="ProtocolReadException">A bad percent-escape or invalid UTF-8 (<c>MalformedQueryString</c>).</exception>
    public static void ParseForm(ReadOnlySpan<byte> form, List<KeyValuePair<string, string>> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        while (!form.IsEmpty)
        {
            var amp = form.IndexOf((byte)'&');
            var pair = amp < 0 ? form : form[..amp];
            form = amp < 0 ? [] : form[(amp + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }
            var eq = pair.IndexOf((byte)'=');
            into.Add(eq < 0 ? new(Decode(pair), "") : new(Decode(pair[..eq]), Decode(pair[(eq + 1)..])));
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string Decode(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny((byte)'%', (byte)'+') < 0)
        {
            return Utf8(text);
        }
        var bytes = new byte[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == '+')
            {
                bytes[n++] = (byte)' ';
            }
            else if (b != '%')
            {
                bytes[n++] = b;
            }
            else if (i + 2 < text.Length && HexValue(text[i + 1]) is >= 0 and var hi && HexValue(text[i + 2]) is >= 0 and var lo)
            {
                bytes[n++] = (byte)((hi << 4) | lo);
                i += 2;
            }
            else
            {
                throw Malformed("a '%' is not followed by two hexadecimal digits");
            }
        }
        return Utf8(bytes.AsSpan(0, n));
    }

    private static string Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw Malformed("the text is not valid UTF-8", e);
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static ProtocolReadException Malformed(string why, Exception? inner = null) =>
        new($"The query string is malformed: {why}.", inner) { Code = "MalformedQueryString" };

    /// <summary>Reads the input of <paramref name="shape"/> (none: an empty object) from the fields.</summary>
    /// <exception cref="ProtocolReadException">A value does not fit its member (<c>InvalidParameterValue</c>).</exception>
    public JsonObject Read(Shape? shape, List<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var result = new JsonObject();
        if (shape is null)
        {
            return result;
        }
        var root = new Node();
        foreach (var (key, value) in fields)
        {
            var node = root;
            foreach (var part in key.Split('.'))
            {
                node = node.GetOrAdd(part);
            }
            node.Value ??= value;
        }
        ReadStructure(root, "", shape, result);
        return result;
    }

    private void ReadStructure(Node node, string path, Shape shape, JsonObject into)
    {
        foreach (var (name, member) in shape.Members)
        {
            var key = QueryFormSerializer.MemberName(name, member, _ec2);
            if (ReadMember(node, path, key, member, member.LocationName is not null) is { } value)
            {
                into[name] = value;
            }
        }
    }

    // Reads the value the serializer wrote under `parent.key`; null when it wrote nothing there.
    private JsonNode? ReadMember(Node parent, string path, string key, Shape shape, bool named)
    {
        var fullKey = path.Length == 0 ? key : path + "." + key;
        switch (shape.Type)
        {
            case ShapeType.List:
                return ReadList(parent, path, key, shape, named);
            case ShapeType.Map:
                return ReadMap(parent.Get(key), fullKey, shape);
            case ShapeType.Structure:
                if (parent.Get(key) is not { Children: not null } child)
                {
                    return null;
                }
                var structure = new JsonObject();
                ReadStructure(child, fullKey, shape, structure);
                return structure;
            default:
                return parent.Get(key)?.Value is { } text ? Scalar(shape, fullKey, text) : null;
        }
    }

    private JsonArray? ReadList(Node parent, string path, string key, Shape list, bool named)
    {
        var fullKey = path.Length == 0 ? key : path + "." + key;
        var node = parent.Get(key);
        if (_ec2)
        {
            return node is null ? null : ReadItems(node, fullKey, list);
        }
        // The serializer's layout first: Name.member.N (or the member's own name), or for a flattened list Name.N,
        // named after the items when the member itself is not renamed. Then the other layout.
        var itemName = list.Member.LocationName ?? "member";
        var flatName = !named && list.Member.LocationName is { } renamed ? renamed : key;
        var flatPath = path.Length == 0 ? flatName : path + "." + flatName;
        var items = list.Flattened
            ? ReadItems(parent.Get(flatName), flatPath, list) ?? ReadItems(node?.Get(itemName), fullKey + "." + itemName, list)
            : ReadItems(node?.Get(itemName), fullKey + "." + itemName, list) ?? ReadItems(node, fullKey, list);
        // An empty list is sent as "Name=".
        return items ?? (node is { Value: "", Children: null } ? [] : null);
    }

    // The numbered children of a node, in index order; null when there are none.
    private JsonArray? ReadItems(Node? node, string path, Shape list)
    {
        if (node?.Children is null)
        {
            return null;
        }
        JsonArray? items = null;
        foreach (var index in node.Indexes())
        {
            (items ??= []).Add(ReadMember(node, path, index, list.Member, named: false));
        }
        return items;
    }

    private JsonObject? ReadMap(Node? node, string path, Shape map)
    {
        if (!map.Flattened)
        {
            node = node?.Get("entry");
            path += ".entry";
        }
        if (node?.Children is null)
        {
            return null;
        }
        var keyName = map.Key.LocationName ?? "key";
        var valueName = map.Value.LocationName ?? "value";
        var entries = new JsonObject();
        foreach (var index in node.Indexes())
        {
            var entry = node.Get(index)!;
            if (entry.Get(keyName)?.Value is { } key)
            {
                entries[key] = ReadMember(entry, path + "." + index, valueName, map.Value, named: false);
            }
        }
        return entries;
    }

    private static JsonNode? Scalar(Shape shape, string key, string text)
    {
        try
        {
            return XmlShapeReader.ParseScalar(shape, text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ProtocolReadException($"Value ({text}) for parameter {key} is invalid: {e.Message}", e) { Code = "InvalidParameterValue" };
        }
    }

    // One dotted segment of the field names, with the value of the field ending here, if any.
    private sealed class Node
    {
        public string? Value { get; set; }

        public Dictionary<string, Node>? Children { get; private set; }

        public Node? Get(string name) => Children is not null && Children.TryGetValue(name, out var child) ? child : null;

        public Node GetOrAdd(string name)
        {
            Children ??= new(StringComparer.Ordinal);
            if (!Children.TryGetValue(name, out var child))
            {
                Children[name] = child = new Node();
            }
            return child;
        }

        // The names of the children that are list or map indexes (1, 2, ...), in numeric order.
        public IEnumerable<string> Indexes() =>
            Children is null
                ? []
                : Children.Keys
                    .Where(k => k.Length is > 0 and < 10 && k.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
                    .OrderBy(k => int.Parse(k, CultureInfo.InvariantCulture));
    }
}
