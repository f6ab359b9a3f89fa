using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// What a Query or Scan reads: the table, or one of its indexes (the table's items that carry the index key).
/// Knows the view's order (scan order: by partition token; within a partition: by sort key, then table key),
/// its pagination keys, and how its entries look (projected for indexes).
/// </summary>
internal sealed class TableView
{
    /// <summary>A view of the table (<paramref name="index"/> null) or of an index.</summary>
    public TableView(Table table, SecondaryIndex? index)
    {
        Table = table;
        Index = index;
    }

    /// <summary>The table.</summary>
    public Table Table { get; }

    /// <summary>The index read, or null for the table.</summary>
    public SecondaryIndex? Index { get; }

    /// <summary>The view's key.</summary>
    public KeySchema Keys => Index?.Keys ?? Table.Keys;

    /// <summary>The entries with this partition key, by sort key.</summary>
    public IEnumerable<Dictionary<string, AttributeValue>> Partition(AttributeValue hash)
    {
        if (Index is null)
        {
            return Table.Items.Partition(hash);
        }
        var entries = Table.Items.All().Where(i => Index.Keys.Covers(i) && i[Keys.HashName].Equals(hash)).ToList();
        entries.Sort((a, b) => Compare(a, b, scan: false));
        return entries;
    }

    /// <summary>Every entry, in scan order.</summary>
    public IEnumerable<Dictionary<string, AttributeValue>> All()
    {
        if (Index is null)
        {
            return Table.Items.All();
        }
        var entries = Table.Items.All().Where(Index.Keys.Covers).ToList();
        entries.Sort((a, b) => Compare(a, b, scan: true));
        return entries;
    }

    /// <summary>Orders entries (or an entry and a start key) in scan order, or in partition order.</summary>
    public int Compare(Dictionary<string, AttributeValue> a, Dictionary<string, AttributeValue> b, bool scan)
    {
        int order;
        if (scan && (order = ItemStore.PartitionOrder.Instance.Compare(a[Keys.HashName], b[Keys.HashName])) != 0)
        {
            return order;
        }
        if (Keys.RangeName is { } range && (order = AttributeValue.CompareKeys(a.GetValueOrDefault(range), b.GetValueOrDefault(range))) != 0)
        {
            return order;
        }
        if (Index is null)
        {
            return 0;
        }
        var table = Table.Keys;
        if ((order = ItemStore.PartitionOrder.Instance.Compare(a[table.HashName], b[table.HashName])) != 0)
        {
            return order;
        }
        return table.RangeName is { } tableRange ? AttributeValue.CompareKeys(a.GetValueOrDefault(tableRange), b.GetValueOrDefault(tableRange)) : 0;
    }

    /// <summary>The key names of an entry: the view's key, then the table's.</summary>
    public IReadOnlyList<string> KeyNames => Keys.Names.Concat(Table.Keys.Names).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>LastEvaluatedKey for an entry: the view's key and the table's key.</summary>
    public Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item) =>
        KeyNames.ToDictionary(n => n, n => item[n], StringComparer.Ordinal);

    /// <summary>Reads ExclusiveStartKey: exactly the view's and the table's key attributes.</summary>
    public Dictionary<string, AttributeValue> ReadStartKey(JsonNode? node)
    {
        var key = AttributeValue.ReadItem(node);
        var names = KeyNames;
        if (key.Count != names.Count || !names.All(n => key.TryGetValue(n, out var v) && v.Type == (Keys.Contains(n) ? Keys.TypeOf(n) : Table.Keys.TypeOf(n))))
        {
            throw DynamoDbErrors.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        return key;
    }

    /// <summary>
    /// The entry as returned for a Select: the whole item for a table, for ALL_ATTRIBUTES, and for a local index
    /// asked for specific attributes (DynamoDB fetches them from the table); else the index's projection.
    /// </summary>
    public Dictionary<string, AttributeValue> Present(Dictionary<string, AttributeValue> item, string select) =>
        Index is null || select == "ALL_ATTRIBUTES" || (select == "SPECIFIC_ATTRIBUTES" && !Index.IsGlobal) ? item : Index.Project(item, Table.Keys);
}
