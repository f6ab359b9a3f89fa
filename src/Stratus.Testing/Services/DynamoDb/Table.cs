namespace Stratus.Testing.Services.DynamoDb;

/// <summary>One table: its definition, its indexes and its items.</summary>
internal sealed partial class Table
{
    /// <summary>The most an item may weigh.</summary>
    public const long MaxItemSize = 400 * 1024;

    /// <summary>Creates an empty table.</summary>
    public Table(KeySchema keys)
    {
        Keys = keys;
        Items = new ItemStore(keys);
    }

    /// <summary>The table name.</summary>
    public required string Name { get; init; }

    /// <summary>The table ARN.</summary>
    public required string Arn { get; init; }

    /// <summary>The account that owns the table.</summary>
    public required string Account { get; init; }

    /// <summary>The region the table is in.</summary>
    public required string Region { get; init; }

    /// <summary>The table's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The primary key.</summary>
    public KeySchema Keys { get; }

    /// <summary>The attribute definitions (key attributes of the table and its indexes), in the order given.</summary>
    public Dictionary<string, AttributeType> AttributeDefinitions { get; init; } = new(StringComparer.Ordinal);

    /// <summary>PROVISIONED or PAY_PER_REQUEST.</summary>
    public string BillingMode { get; set; } = "PROVISIONED";

    /// <summary>When the table last switched to PAY_PER_REQUEST.</summary>
    public DateTimeOffset? PayPerRequestSince { get; set; }

    /// <summary>Provisioned read capacity (0 on demand).</summary>
    public long ReadCapacity { get; set; }

    /// <summary>Provisioned write capacity (0 on demand).</summary>
    public long WriteCapacity { get; set; }

    /// <summary>The global secondary indexes.</summary>
    public List<SecondaryIndex> GlobalIndexes { get; init; } = [];

    /// <summary>The local secondary indexes.</summary>
    public List<SecondaryIndex> LocalIndexes { get; init; } = [];

    /// <summary>Until when the table is <see cref="PendingStatus"/> rather than ACTIVE.</summary>
    public DateTimeOffset ReadyAt { get; set; }

    /// <summary>CREATING for a new table, UPDATING after UpdateTable.</summary>
    public string PendingStatus { get; set; } = "CREATING";

    /// <summary>Whether DeleteTable is refused.</summary>
    public bool DeletionProtection { get; set; }

    /// <summary>The stream specification given, echoed by DescribeTable (no stream records are produced).</summary>
    public bool StreamEnabled { get; set; }

    /// <summary>The stream view type, when streams are enabled.</summary>
    public string? StreamViewType { get; set; }

    /// <summary>The table's tags.</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>The attribute holding items' expiry times, when TTL is enabled (items are not expired: AWS takes days too).</summary>
    public string? TimeToLiveAttribute { get; set; }

    /// <summary>The items.</summary>
    public ItemStore Items { get; }

    /// <summary>Every secondary index, global first.</summary>
    public IEnumerable<SecondaryIndex> Indexes => GlobalIndexes.Concat(LocalIndexes);

    /// <summary>The status at <paramref name="now"/>: ACTIVE, or CREATING/UPDATING until <see cref="ReadyAt"/>.</summary>
    public string Status(DateTimeOffset now) => now >= ReadyAt ? "ACTIVE" : PendingStatus;

    /// <summary>The index of that name, or null.</summary>
    public SecondaryIndex? FindIndex(string name) => Indexes.FirstOrDefault(i => i.Name == name);

    /// <summary>
    /// Checks an item about to be written: the primary key, the types and values of index keys, the size limit.
    /// </summary>
    public void CheckItem(Dictionary<string, AttributeValue> item, bool update = false)
    {
        Keys.CheckItem(item);
        foreach (var index in Indexes)
        {
            foreach (var name in index.Keys.Names)
            {
                if (!item.TryGetValue(name, out var value))
                {
                    continue;
                }
                var expected = index.Keys.TypeOf(name);
                if (value.Type != expected)
                {
                    throw DynamoDbErrors.Invalid($"Type mismatch for Index Key {name} Expected: {expected} Actual: {value.Type} IndexName: {index.Name}");
                }
                if ((value.Type == AttributeType.S && value.S.Length == 0) || (value.Type == AttributeType.B && value.B.Length == 0))
                {
                    var kind = value.Type == AttributeType.S ? "string" : "binary";
                    throw DynamoDbErrors.Validation($"One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty {kind} value. IndexName: {index.Name}, IndexKey: {name}");
                }
            }
        }
        if (AttributeValue.ItemSize(item) > MaxItemSize)
        {
            throw DynamoDbErrors.Validation(update ? "Item size to update has exceeded the maximum allowed size" : "Item size has exceeded the maximum allowed size");
        }
    }
}
