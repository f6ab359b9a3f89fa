using System.Text;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// One DynamoDB attribute value, typed. Lists and maps are mutable so an update can edit a copy of an item
/// in place; stored items are never edited (updates work on <see cref="Clone"/>s). Sets keep their order of
/// insertion and never hold duplicates or nothing.
/// </summary>
internal sealed partial class AttributeValue
{
    private readonly object? _value;

    private AttributeValue(AttributeType type, object? value)
    {
        Type = type;
        _value = value;
    }

    /// <summary>The NULL value.</summary>
    public static AttributeValue Null { get; } = new(AttributeType.NULL, null);

    /// <summary>The data type.</summary>
    public AttributeType Type { get; }

    /// <summary>The string (type S).</summary>
    public string S => (string)_value!;

    /// <summary>The number (type N).</summary>
    public DynamoNumber N => (DynamoNumber)_value!;

    /// <summary>The bytes (type B); never modify them.</summary>
    public byte[] B => (byte[])_value!;

    /// <summary>The boolean (type BOOL).</summary>
    public bool Bool => (bool)_value!;

    /// <summary>The elements (type L).</summary>
    public List<AttributeValue> L => (List<AttributeValue>)_value!;

    /// <summary>The entries (type M).</summary>
    public Dictionary<string, AttributeValue> M => (Dictionary<string, AttributeValue>)_value!;

    /// <summary>The strings (type SS).</summary>
    public List<string> SS => (List<string>)_value!;

    /// <summary>The numbers (type NS).</summary>
    public List<DynamoNumber> NS => (List<DynamoNumber>)_value!;

    /// <summary>The byte strings (type BS).</summary>
    public List<byte[]> BS => (List<byte[]>)_value!;

    /// <summary>Whether the value is a set (SS, NS or BS).</summary>
    public bool IsSet => Type is AttributeType.SS or AttributeType.NS or AttributeType.BS;

    /// <summary>How many elements a set holds.</summary>
    public int SetCount => Type switch
    {
        AttributeType.SS => SS.Count,
        AttributeType.NS => NS.Count,
        AttributeType.BS => BS.Count,
        _ => 0,
    };

    /// <summary>A string value.</summary>
    public static AttributeValue FromString(string value) => new(AttributeType.S, value);

    /// <summary>A number value.</summary>
    public static AttributeValue FromNumber(DynamoNumber value) => new(AttributeType.N, value);

    /// <summary>A binary value (the array is kept, not copied).</summary>
    public static AttributeValue FromBinary(byte[] value) => new(AttributeType.B, value);

    /// <summary>A boolean value.</summary>
    public static AttributeValue FromBool(bool value) => new(AttributeType.BOOL, value);

    /// <summary>A list value.</summary>
    public static AttributeValue FromList(List<AttributeValue> value) => new(AttributeType.L, value);

    /// <summary>A map value.</summary>
    public static AttributeValue FromMap(Dictionary<string, AttributeValue> value) => new(AttributeType.M, value);

    /// <summary>A string set (the caller ensures it is not empty and has no duplicates).</summary>
    public static AttributeValue FromStringSet(List<string> value) => new(AttributeType.SS, value);

    /// <summary>A number set (the caller ensures it is not empty and has no duplicates).</summary>
    public static AttributeValue FromNumberSet(List<DynamoNumber> value) => new(AttributeType.NS, value);

    /// <summary>A binary set (the caller ensures it is not empty and has no duplicates).</summary>
    public static AttributeValue FromBinarySet(List<byte[]> value) => new(AttributeType.BS, value);

    /// <summary>A deep copy of lists and maps (scalars and sets are shared: they are never edited in place).</summary>
    public AttributeValue Clone() => Type switch
    {
        AttributeType.L => FromList(L.ConvertAll(v => v.Clone())),
        AttributeType.M => FromMap(CloneMap(M)),
        _ => this,
    };

    /// <summary>A deep copy of a map (or an item).</summary>
    public static Dictionary<string, AttributeValue> CloneMap(Dictionary<string, AttributeValue> map)
    {
        var copy = new Dictionary<string, AttributeValue>(map.Count, StringComparer.Ordinal);
        foreach (var (k, v) in map)
        {
            copy[k] = v.Clone();
        }
        return copy;
    }

    /// <summary>The value's size as DynamoDB counts it toward the 400 KB item limit (without the attribute name).</summary>
    public long Size => Type switch
    {
        AttributeType.S => Encoding.UTF8.GetByteCount(S),
        AttributeType.N => NumberSize(N),
        AttributeType.B => B.Length,
        AttributeType.BOOL or AttributeType.NULL => 1,
        AttributeType.L => 3 + L.Sum(v => v.Size + 1),
        AttributeType.M => 3 + M.Sum(e => Encoding.UTF8.GetByteCount(e.Key) + e.Value.Size + 1),
        AttributeType.SS => SS.Sum(s => (long)Encoding.UTF8.GetByteCount(s)),
        AttributeType.NS => NS.Sum(NumberSize),
        AttributeType.BS => BS.Sum(b => (long)b.Length),
        _ => 0,
    };

    /// <summary>An item's size: the sum of its attribute names and values.</summary>
    public static long ItemSize(Dictionary<string, AttributeValue> item) =>
        item.Sum(e => Encoding.UTF8.GetByteCount(e.Key) + e.Value.Size);

    private static long NumberSize(DynamoNumber n) => ((n.Digits + 1) / 2) + 1;
}
