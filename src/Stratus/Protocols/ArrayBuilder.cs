using System.Buffers;
using System.Text.Json.Nodes;

namespace Stratus.Protocols;

/// <summary>
/// Collects a <see cref="JsonArray"/>'s items in a pooled buffer and builds the array once, at its final size
/// (adding one by one grows its list by doubling). A mutable struct: keep it in a local.
/// </summary>
internal struct ArrayBuilder
{
    private JsonNode?[]? _items;
    private int _count;

    /// <summary>Appends an item.</summary>
    public void Add(JsonNode? item)
    {
        if (_items is null || _count == _items.Length)
        {
            var bigger = ArrayPool<JsonNode?>.Shared.Rent(_items is null ? 16 : _items.Length * 2);
            if (_items is not null)
            {
                Array.Copy(_items, bigger, _count);
                Return(_items, _count);
            }
            _items = bigger;
        }
        _items[_count++] = item;
    }

    /// <summary>Builds the array and gives the buffer back; the builder is empty afterwards.</summary>
    public JsonArray ToArray()
    {
        if (_items is null)
        {
            return [];
        }
        var result = new JsonArray(_items.AsSpan(0, _count));
        Return(_items, _count);
        _items = null;
        _count = 0;
        return result;
    }

    private static void Return(JsonNode?[] items, int count)
    {
        // Cleared so the pool holds no nodes alive.
        Array.Clear(items, 0, count);
        ArrayPool<JsonNode?>.Shared.Return(items);
    }
}
