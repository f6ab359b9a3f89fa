using System.Text.Json.Nodes;

// The JSON member names are the API's, which some property names happen to share.
#pragma warning disable CA1507

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// A global or local secondary index. Its entries are not stored: they are the table's items that carry the
/// index's key attributes, projected, computed when read (so the index is always consistent with the table).
/// </summary>
internal sealed class SecondaryIndex
{
    /// <summary>The index name.</summary>
    public required string Name { get; init; }

    /// <summary>Whether it is a global (not a local) secondary index.</summary>
    public required bool IsGlobal { get; init; }

    /// <summary>The index key.</summary>
    public required KeySchema Keys { get; init; }

    /// <summary>ALL, KEYS_ONLY or INCLUDE.</summary>
    public required string ProjectionType { get; init; }

    /// <summary>The attributes INCLUDE adds.</summary>
    public IReadOnlyList<string> NonKeyAttributes { get; init; } = [];

    /// <summary>Provisioned read capacity (global indexes of provisioned tables).</summary>
    public long ReadCapacity { get; set; }

    /// <summary>Provisioned write capacity.</summary>
    public long WriteCapacity { get; set; }

    /// <summary>When a newly created index turns ACTIVE.</summary>
    public DateTimeOffset ReadyAt { get; init; }

    /// <summary>The index ARN.</summary>
    public required string Arn { get; init; }

    /// <summary>Whether the index can be read at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => now >= ReadyAt;

    /// <summary>The index's copy of an item: the table and index keys plus the projected attributes.</summary>
    public Dictionary<string, AttributeValue> Project(Dictionary<string, AttributeValue> item, KeySchema tableKeys)
    {
        if (ProjectionType == "ALL")
        {
            return item;
        }
        var kept = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var name in tableKeys.Names.Concat(Keys.Names).Concat(NonKeyAttributes))
        {
            if (item.TryGetValue(name, out var v))
            {
                kept[name] = v;
            }
        }
        return kept;
    }

    /// <summary>The projection as the API describes it.</summary>
    public JsonObject ProjectionJson()
    {
        var projection = new JsonObject { ["ProjectionType"] = ProjectionType };
        if (ProjectionType == "INCLUDE")
        {
            projection["NonKeyAttributes"] = new JsonArray([.. NonKeyAttributes.Select(a => (JsonNode)JsonValue.Create(a))]);
        }
        return projection;
    }
}
