using Stratus.Testing.Services.DynamoDb.Expressions;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// One write, checked and parsed but not yet applied: a put, an update, a delete or (in transactions) a
/// condition check. Single writes and transactions share it: compute every result first, then commit.
/// </summary>
internal sealed class ItemWrite
{
    private static readonly Dictionary<string, AttributeValue> NoItem = new(StringComparer.Ordinal);

    /// <summary>The table written.</summary>
    public required Table Table { get; init; }

    /// <summary>The primary key of the item written.</summary>
    public required Dictionary<string, AttributeValue> Key { get; init; }

    /// <summary>Put, Update, Delete or ConditionCheck.</summary>
    public required string Kind { get; init; }

    /// <summary>The new item (Put).</summary>
    public Dictionary<string, AttributeValue>? Item { get; init; }

    /// <summary>The update's actions (Update).</summary>
    public IReadOnlyList<UpdateAction> Actions { get; init; } = [];

    /// <summary>The condition the current item must meet, if any.</summary>
    public Condition? Condition { get; init; }

    /// <summary>Whether a failed condition returns the current item (ReturnValuesOnConditionCheckFailure=ALL_OLD).</summary>
    public bool ReturnOldOnFailure { get; init; }

    /// <summary>The item as stored now, or null.</summary>
    public Dictionary<string, AttributeValue>? Current => Table.Items.Get(Key);

    /// <summary>The item the write leaves (null: none), from the item before it; nothing is stored yet.</summary>
    /// <exception cref="Mock.MockServiceException">ConditionalCheckFailedException, or a ValidationException from the update.</exception>
    public Dictionary<string, AttributeValue>? Apply(Dictionary<string, AttributeValue>? before)
    {
        if (Condition is not null && !ConditionEvaluator.Evaluate(Condition, before ?? NoItem))
        {
            throw DynamoDbErrors.ConditionalCheckFailed(ReturnOldOnFailure ? before : null);
        }
        switch (Kind)
        {
            case "Put":
                return Item;
            case "Delete":
                return null;
            case "Update":
                var after = UpdateEvaluator.Apply(Actions, before ?? AttributeValue.CloneMap(Key));
                Table.CheckItem(after, update: true);
                return after;
            default:
                return before;
        }
    }

    /// <summary>Stores the result of <see cref="Apply"/>.</summary>
    public void Commit(Dictionary<string, AttributeValue>? after)
    {
        if (Kind == "ConditionCheck")
        {
            return;
        }
        if (after is null)
        {
            Table.Items.Delete(Key);
        }
        else
        {
            Table.Items.Put(after);
        }
    }
}
