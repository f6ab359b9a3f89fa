using System.Text.Json.Nodes;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.DynamoDb.Expressions;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// TransactWriteItems (all or nothing: every condition is checked and every result computed before anything
/// is stored; a failure cancels with one reason per request item) and TransactGetItems.
/// </summary>
public sealed partial class DynamoDbService
{
    private const int MaxTransactionItems = 100;
    private static readonly string[] TransactWriteKinds = ["ConditionCheck", "Put", "Delete", "Update"];

    private JsonObject TransactWriteItems(MockCallContext context, JsonObject input)
    {
        var requests = Input.List(input, "TransactItems") is { Count: > 0 } r ? r : throw DynamoDbErrors.Missing("TransactItems");
        CheckTransactionSize(requests);
        var writes = new List<ItemWrite>();
        foreach (var request in requests.Select(n => n as JsonObject ?? []))
        {
            var kinds = TransactWriteKinds.Where(k => request[k] is JsonObject).ToList();
            if (kinds.Count != 1)
            {
                throw DynamoDbErrors.Validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            var kind = kinds[0];
            var operation = request[kind]!.AsObject();
            writes.Add(kind switch
            {
                "Put" => PreparePut(context, operation),
                "Update" => PrepareUpdate(context, operation),
                _ => PrepareKeyed(context, operation, kind),
            });
        }
        if (writes.GroupBy(w => w.Table.Arn + "#" + KeyText(w.Key)).Any(g => g.Count() > 1))
        {
            throw DynamoDbErrors.Validation("Transaction request cannot include multiple operations on one item");
        }

        var results = new List<Dictionary<string, AttributeValue>?>();
        var reasons = new List<JsonObject>();
        foreach (var write in writes)
        {
            try
            {
                results.Add(write.Apply(write.Current));
                reasons.Add(new JsonObject { ["Code"] = "None" });
            }
            catch (MockServiceException e) when (e.Error.Code is "ConditionalCheckFailedException" or "ValidationException")
            {
                results.Add(null);
                var reason = new JsonObject
                {
                    ["Code"] = e.Error.Code == "ValidationException" ? "ValidationError" : "ConditionalCheckFailed",
                    ["Message"] = e.Error.Message,
                };
                // The item moves from the discarded error to the reason (a deep clone would turn blobs into text).
                if (e.Error.Fields?["Item"] is { } item)
                {
                    e.Error.Fields.Remove("Item");
                    reason["Item"] = item;
                }
                reasons.Add(reason);
            }
        }
        if (reasons.Exists(r => (string?)r["Code"] != "None"))
        {
            throw DynamoDbErrors.TransactionCanceled(reasons);
        }
        for (var i = 0; i < writes.Count; i++)
        {
            writes[i].Commit(results[i]);
        }
        Changed();
        var output = new JsonObject();
        var capacity = new JsonArray([.. writes.GroupBy(w => w.Table).Select(g => Capacity(input, g.Key, 2.0 * g.Count())).OfType<JsonObject>()]);
        if (capacity.Count > 0)
        {
            output["ConsumedCapacity"] = capacity;
        }
        return output;
    }

    private JsonObject TransactGetItems(MockCallContext context, JsonObject input)
    {
        var requests = Input.List(input, "TransactItems") is { Count: > 0 } r ? r : throw DynamoDbErrors.Missing("TransactItems");
        CheckTransactionSize(requests);
        var reads = new List<(Table Table, Dictionary<string, AttributeValue> Key, IReadOnlyList<DocumentPath>? Projection)>();
        foreach (var request in requests.Select(n => n as JsonObject ?? []))
        {
            var get = Input.Map(request, "Get") ?? throw DynamoDbErrors.Missing("Get");
            var table = FindTable(context, get);
            var key = table.Keys.ReadKey(get["Key"] ?? throw DynamoDbErrors.Missing("Key"));
            var attributes = new ExpressionAttributes(get["ExpressionAttributeNames"], null);
            var projection = ReadProjection(get, attributes);
            attributes.RequireExpressions(("ProjectionExpression", Input.Text(get, "ProjectionExpression")));
            attributes.CheckAllUsed();
            reads.Add((table, key, projection));
        }
        if (reads.GroupBy(g => g.Table.Arn + "#" + KeyText(g.Key)).Any(g => g.Count() > 1))
        {
            throw DynamoDbErrors.Validation("Transaction request cannot include multiple operations on one item");
        }
        var responses = new JsonArray();
        foreach (var (table, key, projection) in reads)
        {
            var response = new JsonObject();
            if (table.Items.Get(key) is { } item)
            {
                response["Item"] = AttributeValue.WriteItem(projection is null ? item : Projector.Project(item, projection));
            }
            responses.Add((JsonNode)response);
        }
        var output = new JsonObject { ["Responses"] = responses };
        var capacity = new JsonArray([.. reads.GroupBy(g => g.Table).Select(g => Capacity(input, g.Key, 2.0 * g.Count())).OfType<JsonObject>()]);
        if (capacity.Count > 0)
        {
            output["ConsumedCapacity"] = capacity;
        }
        return output;
    }

    private static void CheckTransactionSize(JsonArray requests)
    {
        if (requests.Count > MaxTransactionItems)
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to {MaxTransactionItems}");
        }
    }
}
