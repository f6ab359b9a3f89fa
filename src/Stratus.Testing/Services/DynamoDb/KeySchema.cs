using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>A table's or an index's key: a partition (HASH) attribute and an optional sort (RANGE) attribute, with their types.</summary>
internal sealed class KeySchema
{
    /// <summary>Creates a key schema.</summary>
    public KeySchema(string hashName, AttributeType hashType, string? rangeName = null, AttributeType rangeType = AttributeType.S)
    {
        HashName = hashName;
        HashType = hashType;
        RangeName = rangeName;
        RangeType = rangeType;
    }

    /// <summary>The partition key attribute.</summary>
    public string HashName { get; }

    /// <summary>The partition key type (S, N or B).</summary>
    public AttributeType HashType { get; }

    /// <summary>The sort key attribute, if any.</summary>
    public string? RangeName { get; }

    /// <summary>The sort key type, when there is a sort key.</summary>
    public AttributeType RangeType { get; }

    /// <summary>The key attribute names, partition key first.</summary>
    public IEnumerable<string> Names => RangeName is null ? [HashName] : [HashName, RangeName];

    /// <summary>Whether <paramref name="name"/> is one of the key attributes.</summary>
    public bool Contains(string name) => name == HashName || name == RangeName;

    /// <summary>The key schema as the API describes it.</summary>
    public JsonArray ToJson()
    {
        var schema = new JsonArray(new JsonObject { ["AttributeName"] = HashName, ["KeyType"] = "HASH" });
        if (RangeName is not null)
        {
            schema.Add((JsonNode)new JsonObject { ["AttributeName"] = RangeName, ["KeyType"] = "RANGE" });
        }
        return schema;
    }

    /// <summary>The key attributes of an item.</summary>
    public Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item)
    {
        var key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            if (item.TryGetValue(name, out var v))
            {
                key[name] = v;
            }
        }
        return key;
    }

    /// <summary>Whether an item has every key attribute, with the right types (that is, whether an index holds it).</summary>
    public bool Covers(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(HashName, out var h) && h.Type == HashType
        && (RangeName is null || (item.TryGetValue(RangeName, out var r) && r.Type == RangeType));

    /// <summary>Reads a <c>Key</c> parameter: exactly the key attributes, with the right types.</summary>
    /// <exception cref="Mock.MockServiceException">"The provided key element does not match the schema", or an empty key value.</exception>
    public Dictionary<string, AttributeValue> ReadKey(JsonNode? node)
    {
        var key = AttributeValue.ReadItem(node);
        if (key.Count != Names.Count() || !Names.All(n => key.TryGetValue(n, out var v) && v.Type == TypeOf(n)))
        {
            throw DynamoDbErrors.KeyMismatch();
        }
        foreach (var (name, value) in key)
        {
            CheckNotEmpty(name, value);
        }
        return key;
    }

    /// <summary>Checks that a whole item carries this (table) key, as PutItem requires.</summary>
    public void CheckItem(Dictionary<string, AttributeValue> item)
    {
        foreach (var name in Names)
        {
            if (!item.TryGetValue(name, out var value))
            {
                throw DynamoDbErrors.Invalid($"Missing the key {name} in the item");
            }
            if (value.Type != TypeOf(name))
            {
                throw DynamoDbErrors.Invalid($"Type mismatch for key {name} expected: {TypeOf(name)} actual: {value.Type}");
            }
            CheckNotEmpty(name, value);
        }
    }

    /// <summary>The type of a key attribute.</summary>
    public AttributeType TypeOf(string name) => name == HashName ? HashType : RangeType;

    private static void CheckNotEmpty(string name, AttributeValue value)
    {
        if (value.Type == AttributeType.S && value.S.Length == 0)
        {
            throw DynamoDbErrors.Validation($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: {name}");
        }
        if (value.Type == AttributeType.B && value.B.Length == 0)
        {
            throw DynamoDbErrors.Validation($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: {name}");
        }
    }
}
