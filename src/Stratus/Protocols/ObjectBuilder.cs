using System.Buffers;
using System.Collections;
using System.Text.Json.Nodes;

namespace Stratus.Protocols;

/// <summary>
/// Collects a <see cref="JsonObject"/>'s properties in a pooled buffer and builds the object once, at its final
/// size. Adding properties one by one grows the object's dictionary several times (each growth a new entries
/// and buckets array), which was most of the bytes of parsing a large response. Semantics are the indexer's:
/// setting a name already present replaces its value in place. A mutable struct: keep it in a local, pass by ref.
/// </summary>
internal struct ObjectBuilder
{
    // Only an empty object is made without the sized constructor. For one or two properties the sized
    // dictionary is no larger than the one adding them makes (three slots either way), and it is made faster.
    private const int SizedFrom = 1;

    // Past this many properties (large maps) names are found through a dictionary instead of a scan.
    private const int ScanLimit = 64;

    private KeyValuePair<string, JsonNode?>[]? _items;
    private int _count;
    private Dictionary<string, int>? _positions;

    /// <summary>The number of properties collected.</summary>
    public readonly int Count => _count;

    /// <summary>The value of <paramref name="name"/> if it was collected.</summary>
    public readonly bool TryGet(string name, out JsonNode? value)
    {
        var i = IndexOf(name);
        value = i >= 0 ? _items![i].Value : null;
        return i >= 0;
    }

    /// <summary>Sets a property: replaces the value of a name already collected (keeping its place), else appends it.</summary>
    public void Set(string name, JsonNode? value)
    {
        var i = IndexOf(name);
        if (i >= 0)
        {
            _items![i] = new(name, value);
            return;
        }
        if (_items is null || _count == _items.Length)
        {
            Grow();
        }
        if (_positions is not null)
        {
            _positions[name] = _count;
        }
        else if (_count == ScanLimit)
        {
            _positions = new Dictionary<string, int>(2 * ScanLimit, StringComparer.Ordinal);
            for (var j = 0; j < _count; j++)
            {
                _positions[_items![j].Key] = j;
            }
            _positions[name] = _count;
        }
        _items![_count++] = new(name, value);
    }

    /// <summary>Builds the object and gives the buffer back; the builder is empty afterwards.</summary>
    public JsonObject ToObject()
    {
        var result = _items is null ? [] : Build(_items, 0, _count);
        Release();
        return result;
    }

    /// <summary>Builds an object of <paramref name="count"/> properties from <paramref name="items"/>[<paramref name="start"/>..], names distinct, sized once.</summary>
    public static JsonObject Build(KeyValuePair<string, JsonNode?>[] items, int start, int count)
    {
        JsonObject result;
        if (count < SizedFrom)
        {
            result = [];
            for (var i = start; i < start + count; i++)
            {
                result.Add(items[i].Key, items[i].Value);
            }
        }
        else
        {
            var view = t_view ??= new BufferView();
            view.Reset(items, start, count);
            result = new JsonObject(view);
            view.Reset(null, 0, 0);
        }
        return result;
    }

    /// <summary>Gives the buffer back without building (the properties are dropped).</summary>
    public void Release()
    {
        if (_items is not null)
        {
            // Cleared so the pool holds no nodes alive.
            Array.Clear(_items, 0, _count);
            ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(_items);
            _items = null;
        }
        _count = 0;
        _positions = null;
    }

    private readonly int IndexOf(string name)
    {
        if (_positions is not null)
        {
            return _positions.TryGetValue(name, out var position) ? position : -1;
        }
        // Names usually are the model's own strings, so most comparisons end at the reference check.
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_items![i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private void Grow()
    {
        var bigger = ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Rent(_items is null ? 16 : _items.Length * 2);
        if (_items is not null)
        {
            Array.Copy(_items, bigger, _count);
            Array.Clear(_items, 0, _count);
            ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(_items);
        }
        _items = bigger;
    }

    // JsonObject sizes its dictionary from an ICollection's Count. One view per thread, reused: the constructor
    // copies the properties before it returns and calls nothing that could build another object meanwhile.
    [ThreadStatic]
    private static BufferView? t_view;

    private sealed class BufferView : ICollection<KeyValuePair<string, JsonNode?>>, IEnumerator<KeyValuePair<string, JsonNode?>>
    {
        private KeyValuePair<string, JsonNode?>[]? _items;
        private int _start;
        private int _count;
        private int _index;

        public void Reset(KeyValuePair<string, JsonNode?>[]? items, int start, int count)
        {
            _items = items;
            _start = start;
            _count = count;
            _index = -1;
        }

        public int Count => _count;

        public bool IsReadOnly => true;

        public KeyValuePair<string, JsonNode?> Current => _items![_start + _index];

        object IEnumerator.Current => Current;

        public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator()
        {
            _index = -1;
            return this;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool MoveNext() => ++_index < _count;

        void IEnumerator.Reset() => _index = -1;

        public void Dispose()
        {
        }

        public void CopyTo(KeyValuePair<string, JsonNode?>[] array, int arrayIndex) => Array.Copy(_items!, _start, array, arrayIndex, _count);

        public bool Contains(KeyValuePair<string, JsonNode?> item) => Array.IndexOf(_items!, item, _start, _count) >= 0;

        public void Add(KeyValuePair<string, JsonNode?> item) => throw new NotSupportedException();

        public void Clear() => throw new NotSupportedException();

        public bool Remove(KeyValuePair<string, JsonNode?> item) => throw new NotSupportedException();
    }
}
