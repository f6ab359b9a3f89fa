using System.Text.Json.Nodes;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.DynamoDb.Expressions;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>PutItem, GetItem, UpdateItem, DeleteItem.</summary>
public sealed partial class DynamoDbService
{
    private JsonObject PutItem(MockCallContext context, JsonObject input)
    {
        var write = PreparePut(context, input);
        var returnValues = OldOrNone(input);
        var before = write.Current;
        var after = write.Apply(before);
        write.Commit(after);
        Changed();
        var output = new JsonObject();
        if (returnValues == "ALL_OLD" && before is not null)
        {
            output["Attributes"] = AttributeValue.WriteItem(before);
        }
        AddCapacity(output, Capacity(input, write.Table, WriteUnits(before, after)));
        return output;
    }

    private JsonObject GetItem(MockCallContext context, JsonObject input)
    {
        var table = FindTable(context, input);
        var key = table.Keys.ReadKey(input["Key"] ?? throw DynamoDbErrors.Missing("Key"));
        var attributes = new ExpressionAttributes(input["ExpressionAttributeNames"], null);
        var projection = ReadProjection(input, attributes);
        attributes.RequireExpressions(("ProjectionExpression", Input.Text(input, "ProjectionExpression")));
        attributes.CheckAllUsed();
        var item = table.Items.Get(key);
        var output = new JsonObject();
        if (item is not null)
        {
            output["Item"] = AttributeValue.WriteItem(projection is null ? item : Projector.Project(item, projection));
        }
        var consistent = Input.Flag(input, "ConsistentRead") ?? false;
        AddCapacity(output, Capacity(input, table, ReadUnits(item is null ? 0 : AttributeValue.ItemSize(item), consistent)));
        return output;
    }

    private JsonObject UpdateItem(MockCallContext context, JsonObject input)
    {
        var write = PrepareUpdate(context, input);
        var returnValues = Input.Choice(input, "ReturnValues", "NONE", ReturnValueChoices);
        var before = write.Current;
        var after = write.Apply(before)!;
        write.Commit(after);
        Changed();
        var paths = write.Actions.Select(a => a.Path).ToList();
        var attributes = returnValues switch
        {
            "ALL_OLD" => before,
            "ALL_NEW" => after,
            "UPDATED_OLD" => before is null ? null : Projector.Project(before, paths),
            "UPDATED_NEW" => Projector.Project(after, paths),
            _ => null,
        };
        var output = new JsonObject();
        if (attributes is { Count: > 0 })
        {
            output["Attributes"] = AttributeValue.WriteItem(attributes);
        }
        AddCapacity(output, Capacity(input, write.Table, WriteUnits(before, after)));
        return output;
    }

    private JsonObject DeleteItem(MockCallContext context, JsonObject input)
    {
        var write = PrepareKeyed(context, input, "Delete");
        var returnValues = OldOrNone(input);
        var before = write.Current;
        write.Commit(write.Apply(before));
        Changed();
        var output = new JsonObject();
        if (returnValues == "ALL_OLD" && before is not null)
        {
            output["Attributes"] = AttributeValue.WriteItem(before);
        }
        AddCapacity(output, Capacity(input, write.Table, WriteUnits(before, null)));
        return output;
    }

    private static string OldOrNone(JsonObject input)
    {
        var value = Input.Choice(input, "ReturnValues", "NONE", ReturnValueChoices);
        return value is "NONE" or "ALL_OLD" ? value : throw DynamoDbErrors.Validation("ReturnValues can only be ALL_OLD or NONE");
    }

    private static void AddCapacity(JsonObject output, JsonObject? capacity)
    {
        if (capacity is not null)
        {
            output["ConsumedCapacity"] = capacity;
        }
    }
}
