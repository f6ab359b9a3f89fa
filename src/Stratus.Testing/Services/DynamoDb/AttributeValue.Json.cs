using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// Attribute values to and from native JSON: the wire form (<c>{"S": "x"}</c>, blobs as <c>byte[]</c> values)
/// and the saved-state form (the same, with blobs as base64 text so the state survives serialization).
/// </summary>
internal sealed partial class AttributeValue
{
    private const string EmptyValue = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";

    /// <summary>Reads an attribute value from an operation's input.</summary>
    /// <exception cref="Mock.MockServiceException">A ValidationException with AWS's message.</exception>
    public static AttributeValue Read(JsonNode? node) => Read(node, state: false);

    /// <summary>Reads an item (attribute name to value) from an operation's input.</summary>
    public static Dictionary<string, AttributeValue> ReadItem(JsonNode? node) => ReadMap(node, state: false);

    /// <summary>Reads an attribute value saved by <see cref="ToStateJson"/>.</summary>
    public static AttributeValue ReadState(JsonNode? node) => Read(node, state: true);

    /// <summary>Reads an item saved by <see cref="WriteStateItem"/>.</summary>
    public static Dictionary<string, AttributeValue> ReadStateItem(JsonNode? node) => ReadMap(node, state: true);

    /// <summary>The value as an operation's output holds it.</summary>
    public JsonObject ToJson() => Write(state: false);

    /// <summary>The value for saved state (blobs as base64 text).</summary>
    public JsonObject ToStateJson() => Write(state: true);

    /// <summary>An item as an operation's output holds it.</summary>
    public static JsonObject WriteItem(Dictionary<string, AttributeValue> item) => WriteMap(item, state: false);

    /// <summary>An item for saved state.</summary>
    public static JsonObject WriteStateItem(Dictionary<string, AttributeValue> item) => WriteMap(item, state: true);

    private static Dictionary<string, AttributeValue> ReadMap(JsonNode? node, bool state)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        if (node is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                map[k] = Read(v, state);
            }
        }
        return map;
    }

    private static AttributeValue Read(JsonNode? node, bool state)
    {
        if (node is not JsonObject o)
        {
            throw DynamoDbErrors.Validation(EmptyValue);
        }
        var present = o.Where(p => p.Value is not null).ToList();
        if (present.Count == 0)
        {
            throw DynamoDbErrors.Validation(EmptyValue);
        }
        if (present.Count > 1)
        {
            throw DynamoDbErrors.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        var (type, value) = present[0];
        return type switch
        {
            "S" => FromString(Text(value)),
            "N" => FromNumber(Number(value)),
            "B" => FromBinary(Bytes(value, state)),
            "BOOL" => NativeValues.TryGetBoolean(value, out var b) ? FromBool(b) : throw DynamoDbErrors.Validation(EmptyValue),
            "NULL" => NativeValues.TryGetBoolean(value, out var n) && n ? Null : throw DynamoDbErrors.Invalid("Null attribute value types must have the value of true"),
            "L" => FromList(Elements(value).Select(e => Read(e, state)).ToList()),
            "M" => FromMap(ReadMap(value as JsonObject ?? throw DynamoDbErrors.Validation(EmptyValue), state)),
            "SS" => FromStringSet(Set(Elements(value).Select(Text).ToList(), "string", StringComparer.Ordinal, s => s)),
            "NS" => FromNumberSet(Set(Elements(value).Select(Number).ToList(), "number", EqualityComparer<DynamoNumber>.Default, n => n.ToString())),
            "BS" => FromBinarySet(Set(Elements(value).Select(e => Bytes(e, state)).ToList(), "binary", ByteArrayComparer.Instance, Convert.ToBase64String)),
            _ => throw DynamoDbErrors.Validation(EmptyValue),
        };
    }

    private static List<T> Set<T>(List<T> items, string kind, IEqualityComparer<T> comparer, Func<T, string> show)
    {
        if (items.Count == 0)
        {
            throw DynamoDbErrors.Invalid($"An {kind} set  may not be empty");
        }
        if (items.Distinct(comparer).Count() != items.Count)
        {
            throw DynamoDbErrors.Invalid($"Input collection [{string.Join(", ", items.Select(show))}] contains duplicates.");
        }
        return items;
    }

    private static IEnumerable<JsonNode?> Elements(JsonNode? node) =>
        node as JsonArray ?? throw DynamoDbErrors.Validation(EmptyValue);

    private static string Text(JsonNode? node) =>
        NativeValues.TryGetString(node, out var s) ? s : throw DynamoDbErrors.Validation(EmptyValue);

    private static DynamoNumber Number(JsonNode? node)
    {
        // Numbers travel as text; a caller may still pass a JSON number, read through its invariant text.
        string? text = null;
        if (node is JsonValue v)
        {
            text = v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : NativeValues.TryGetString(v, out var s) ? s : null;
        }
        return DynamoNumber.TryParse(text, out var n, out var error) ? n : throw DynamoDbErrors.Validation(error);
    }

    private static byte[] Bytes(JsonNode? node, bool state)
    {
        if (state)
        {
            return Convert.FromBase64String(Text(node));
        }
        // A copy: the caller may reuse its array after the call.
        return NativeValues.TryGetBytes(node, out var bytes) ? (byte[])bytes.Clone() : throw DynamoDbErrors.Validation(EmptyValue);
    }

    private JsonObject Write(bool state) => new()
    {
        [Type.ToString()] = Type switch
        {
            AttributeType.S => JsonValue.Create(S),
            AttributeType.N => JsonValue.Create(N.ToString()),
            AttributeType.B => Blob(B, state),
            AttributeType.BOOL => JsonValue.Create(Bool),
            AttributeType.NULL => JsonValue.Create(true),
            AttributeType.L => new JsonArray([.. L.Select(v => (JsonNode)v.Write(state))]),
            AttributeType.M => WriteMap(M, state),
            AttributeType.SS => new JsonArray([.. SS.Select(s => (JsonNode)JsonValue.Create(s))]),
            AttributeType.NS => new JsonArray([.. NS.Select(n => (JsonNode)JsonValue.Create(n.ToString()))]),
            AttributeType.BS => new JsonArray([.. BS.Select(b => (JsonNode)Blob(b, state))]),
            _ => throw new InvalidOperationException($"Unknown attribute type {Type}."),
        },
    };

    private static JsonObject WriteMap(Dictionary<string, AttributeValue> map, bool state)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map)
        {
            o[k] = v.Write(state);
        }
        return o;
    }

    // Output gets its own copy: a caller editing the array must not edit the stored item.
    private static JsonValue Blob(byte[] bytes, bool state) =>
        state ? JsonValue.Create(Convert.ToBase64String(bytes)) : NativeValues.Blob((byte[])bytes.Clone());
}
