namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// A table's items by primary key: partitions in scan order (by the partition key's <see cref="AttributeValue.Token"/>),
/// items in a partition by sort key. Keeps the item count and total size current.
/// </summary>
internal sealed class ItemStore
{
    private readonly KeySchema _keys;
    private readonly SortedDictionary<AttributeValue, SortedDictionary<AttributeValue, Dictionary<string, AttributeValue>>> _partitions = new(PartitionOrder.Instance);

    /// <summary>Creates an empty store for a table's key.</summary>
    public ItemStore(KeySchema keys)
    {
        _keys = keys;
    }

    /// <summary>How many items the table holds.</summary>
    public int Count { get; private set; }

    /// <summary>The total size of the items, as DynamoDB counts it.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>The item with this primary key, or null.</summary>
    public Dictionary<string, AttributeValue>? Get(Dictionary<string, AttributeValue> key) =>
        _partitions.TryGetValue(key[_keys.HashName], out var partition) && partition.TryGetValue(SortKey(key), out var item) ? item : null;

    /// <summary>Stores an item (replacing the one with its key) and returns the replaced one.</summary>
    public Dictionary<string, AttributeValue>? Put(Dictionary<string, AttributeValue> item)
    {
        var hash = item[_keys.HashName];
        if (!_partitions.TryGetValue(hash, out var partition))
        {
            partition = new SortedDictionary<AttributeValue, Dictionary<string, AttributeValue>>(Comparer<AttributeValue>.Create(AttributeValue.CompareKeys));
            _partitions[hash] = partition;
        }
        var sort = SortKey(item);
        partition.TryGetValue(sort, out var old);
        partition[sort] = item;
        Forget(old);
        Count++;
        SizeBytes += AttributeValue.ItemSize(item);
        return old;
    }

    /// <summary>Removes the item with this primary key and returns it (null when there was none).</summary>
    public Dictionary<string, AttributeValue>? Delete(Dictionary<string, AttributeValue> key)
    {
        var hash = key[_keys.HashName];
        if (!_partitions.TryGetValue(hash, out var partition) || !partition.Remove(SortKey(key), out var old))
        {
            return null;
        }
        if (partition.Count == 0)
        {
            _partitions.Remove(hash);
        }
        Forget(old);
        return old;
    }

    /// <summary>The items with this partition key, by sort key.</summary>
    public IEnumerable<Dictionary<string, AttributeValue>> Partition(AttributeValue hash) =>
        _partitions.TryGetValue(hash, out var partition) ? partition.Values : [];

    /// <summary>Every item, in scan order.</summary>
    public IEnumerable<Dictionary<string, AttributeValue>> All() => _partitions.Values.SelectMany(p => p.Values);

    private AttributeValue SortKey(Dictionary<string, AttributeValue> item) => _keys.RangeName is null ? AttributeValue.Null : item[_keys.RangeName];

    private void Forget(Dictionary<string, AttributeValue>? old)
    {
        if (old is not null)
        {
            Count--;
            SizeBytes -= AttributeValue.ItemSize(old);
        }
    }

    /// <summary>Partitions in token order (a stable pseudo-random order, like DynamoDB's), ties by value.</summary>
    public sealed class PartitionOrder : IComparer<AttributeValue>
    {
        /// <summary>The instance.</summary>
        public static PartitionOrder Instance { get; } = new();

        /// <inheritdoc />
        public int Compare(AttributeValue? x, AttributeValue? y)
        {
            var order = x!.Token.CompareTo(y!.Token);
            return order != 0 ? order : AttributeValue.CompareKeys(x, y);
        }
    }
}
