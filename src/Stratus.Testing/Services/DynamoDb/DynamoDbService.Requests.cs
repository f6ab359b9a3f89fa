using System.Text.Json.Nodes;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.DynamoDb.Expressions;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>What item operations share: preparing writes, reading expressions and projections, consumed capacity.</summary>
public sealed partial class DynamoDbService
{
    private static readonly string[] ReturnValueChoices = ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"];

    /// <summary>A put (PutItem, a transaction's Put, a batch's PutRequest, whose table is named apart) ready to apply.</summary>
    private ItemWrite PreparePut(MockCallContext context, JsonObject input, string? tableName = null)
    {
        Input.RejectLegacy(input, "Expected", "ConditionalOperator");
        var table = tableName is null ? FindTable(context, input) : FindTable(context, tableName);
        var item = AttributeValue.ReadItem(input["Item"] ?? throw DynamoDbErrors.Missing("Item"));
        table.CheckItem(item);
        var attributes = Attributes(input);
        var condition = ReadCondition(input, attributes);
        attributes.RequireExpressions(("ConditionExpression", Input.Text(input, "ConditionExpression")));
        attributes.CheckAllUsed();
        return new ItemWrite { Table = table, Key = table.Keys.KeyOf(item), Kind = "Put", Item = item, Condition = condition, ReturnOldOnFailure = OldOnFailure(input) };
    }

    /// <summary>An update (UpdateItem, a transaction's Update) ready to apply.</summary>
    private ItemWrite PrepareUpdate(MockCallContext context, JsonObject input)
    {
        Input.RejectLegacy(input, "Expected", "ConditionalOperator", "AttributeUpdates");
        var table = FindTable(context, input);
        var key = table.Keys.ReadKey(input["Key"] ?? throw DynamoDbErrors.Missing("Key"));
        var attributes = Attributes(input);
        var text = Input.Text(input, "UpdateExpression");
        var actions = text is null ? [] : ExpressionParser.ParseUpdate(text, attributes);
        var condition = ReadCondition(input, attributes);
        attributes.RequireExpressions(("UpdateExpression", text), ("ConditionExpression", Input.Text(input, "ConditionExpression")));
        attributes.CheckAllUsed();
        if (actions.FirstOrDefault(a => table.Keys.Contains(a.Path.Head)) is { } keyUpdate)
        {
            throw DynamoDbErrors.Invalid($"Cannot update attribute {keyUpdate.Path.Head}. This attribute is part of the key");
        }
        return new ItemWrite { Table = table, Key = key, Kind = "Update", Actions = actions, Condition = condition, ReturnOldOnFailure = OldOnFailure(input) };
    }

    /// <summary>A delete or a condition check (DeleteItem, a transaction's Delete or ConditionCheck, a batch's DeleteRequest).</summary>
    private ItemWrite PrepareKeyed(MockCallContext context, JsonObject input, string kind, string? tableName = null)
    {
        Input.RejectLegacy(input, "Expected", "ConditionalOperator");
        var table = tableName is null ? FindTable(context, input) : FindTable(context, tableName);
        var key = table.Keys.ReadKey(input["Key"] ?? throw DynamoDbErrors.Missing("Key"));
        var attributes = Attributes(input);
        var condition = ReadCondition(input, attributes);
        if (kind == "ConditionCheck" && condition is null)
        {
            throw DynamoDbErrors.Missing("ConditionExpression");
        }
        attributes.RequireExpressions(("ConditionExpression", Input.Text(input, "ConditionExpression")));
        attributes.CheckAllUsed();
        return new ItemWrite { Table = table, Key = key, Kind = kind, Condition = condition, ReturnOldOnFailure = OldOnFailure(input) };
    }

    private static ExpressionAttributes Attributes(JsonObject input) =>
        new(input["ExpressionAttributeNames"], input["ExpressionAttributeValues"]);

    private static Condition? ReadCondition(JsonObject input, ExpressionAttributes attributes, string member = "ConditionExpression")
    {
        var text = Input.Text(input, member);
        var kind = member == "FilterExpression" ? ExpressionKind.FilterExpression : ExpressionKind.ConditionExpression;
        return text is null ? null : ExpressionParser.ParseCondition(text, kind, attributes);
    }

    private static bool OldOnFailure(JsonObject input) =>
        Input.Choice(input, "ReturnValuesOnConditionCheckFailure", "NONE", "NONE", "ALL_OLD") == "ALL_OLD";

    /// <summary>The attributes to return: ProjectionExpression's paths, or AttributesToGet's names; null for all.</summary>
    private static IReadOnlyList<DocumentPath>? ReadProjection(JsonObject input, ExpressionAttributes attributes)
    {
        var text = Input.Text(input, "ProjectionExpression");
        var names = Input.List(input, "AttributesToGet");
        if (text is not null && names is not null)
        {
            throw DynamoDbErrors.Validation("Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        }
        if (names is not null)
        {
            return [.. names.Select(n => DocumentPath.Attribute((string?)n ?? ""))];
        }
        return text is null ? null : ExpressionParser.ParseProjection(text, attributes);
    }

    /// <summary>ConsumedCapacity, when the request asked for it.</summary>
    private static JsonObject? Capacity(JsonObject input, Table table, double units)
    {
        var mode = Input.Choice(input, "ReturnConsumedCapacity", "NONE", "INDEXES", "TOTAL", "NONE");
        if (mode == "NONE")
        {
            return null;
        }
        var capacity = new JsonObject { ["TableName"] = table.Name, ["CapacityUnits"] = units };
        if (mode == "INDEXES")
        {
            capacity["Table"] = new JsonObject { ["CapacityUnits"] = units };
        }
        return capacity;
    }

    /// <summary>Write units: one per KB of the larger of the item before and after, at least one.</summary>
    private static double WriteUnits(Dictionary<string, AttributeValue>? before, Dictionary<string, AttributeValue>? after) =>
        Math.Max(1, Math.Ceiling(Math.Max(before is null ? 0 : AttributeValue.ItemSize(before), after is null ? 0 : AttributeValue.ItemSize(after)) / 1024.0));

    /// <summary>Read units: one per 4 KB read, at least one; half for eventually consistent reads.</summary>
    private static double ReadUnits(long bytes, bool consistent) =>
        Math.Max(1, Math.Ceiling(bytes / 4096.0)) * (consistent ? 1 : 0.5);
}
