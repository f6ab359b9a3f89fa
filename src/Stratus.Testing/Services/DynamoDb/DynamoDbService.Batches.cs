using System.Text.Json.Nodes;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.DynamoDb.Expressions;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>BatchGetItem and BatchWriteItem: everything is processed (no unprocessed keys or items are ever returned).</summary>
public sealed partial class DynamoDbService
{
    private const int MaxBatchGet = 100;
    private const int MaxBatchWrite = 25;

    private JsonObject BatchGetItem(MockCallContext context, JsonObject input)
    {
        var requests = Input.Map(input, "RequestItems") is { Count: > 0 } r ? r : throw DynamoDbErrors.Missing("RequestItems");
        if (requests.Sum(t => (t.Value?["Keys"] as JsonArray)?.Count ?? 0) > MaxBatchGet)
        {
            throw DynamoDbErrors.Validation("Too many items requested for the BatchGetItem call");
        }
        var reads = new List<(Table Table, List<Dictionary<string, AttributeValue>> Keys, IReadOnlyList<DocumentPath>? Projection)>();
        foreach (var (name, node) in requests)
        {
            var request = node as JsonObject ?? [];
            var table = FindTable(context, name);
            var keys = (Input.List(request, "Keys") is { Count: > 0 } k ? k : throw DynamoDbErrors.Missing("Keys")).Select(table.Keys.ReadKey).ToList();
            if (HasDuplicates(keys))
            {
                throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
            }
            var attributes = new ExpressionAttributes(request["ExpressionAttributeNames"], null);
            var projection = ReadProjection(request, attributes);
            attributes.RequireExpressions(("ProjectionExpression", Input.Text(request, "ProjectionExpression")));
            attributes.CheckAllUsed();
            reads.Add((table, keys, projection));
        }

        var responses = new JsonObject();
        var capacity = new JsonArray();
        foreach (var (table, keys, projection) in reads)
        {
            var found = keys.Select(table.Items.Get).OfType<Dictionary<string, AttributeValue>>().ToList();
            responses[table.Name] = new JsonArray([.. found.Select(i => (JsonNode)AttributeValue.WriteItem(projection is null ? i : Projector.Project(i, projection)))]);
            if (Capacity(input, table, ReadUnits(found.Sum(AttributeValue.ItemSize), consistent: true)) is { } c)
            {
                capacity.Add((JsonNode)c);
            }
        }
        var output = new JsonObject { ["Responses"] = responses, ["UnprocessedKeys"] = new JsonObject() };
        if (capacity.Count > 0)
        {
            output["ConsumedCapacity"] = capacity;
        }
        return output;
    }

    private JsonObject BatchWriteItem(MockCallContext context, JsonObject input)
    {
        var requests = Input.Map(input, "RequestItems") is { Count: > 0 } r ? r : throw DynamoDbErrors.Missing("RequestItems");
        if (requests.Sum(t => (t.Value as JsonArray)?.Count ?? 0) > MaxBatchWrite)
        {
            throw DynamoDbErrors.Validation("Too many items requested for the BatchWriteItem call");
        }
        // Check every request first: a batch with an invalid request writes nothing.
        var writes = new List<ItemWrite>();
        foreach (var (name, node) in requests)
        {
            var list = node as JsonArray is { Count: > 0 } l ? l : throw DynamoDbErrors.Missing("RequestItems." + name);
            var tableWrites = new List<ItemWrite>();
            foreach (var request in list.OfType<JsonObject>())
            {
                var put = Input.Map(request, "PutRequest");
                var delete = Input.Map(request, "DeleteRequest");
                if ((put is null) == (delete is null))
                {
                    throw DynamoDbErrors.Validation("A WriteRequest must contain exactly one of PutRequest or DeleteRequest");
                }
                tableWrites.Add(put is not null
                    ? PreparePut(context, put, name)
                    : PrepareKeyed(context, delete!, "Delete", name));
            }
            if (HasDuplicates(tableWrites.Select(w => w.Key).ToList()))
            {
                throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
            }
            writes.AddRange(tableWrites);
        }

        var units = new Dictionary<Table, double>();
        foreach (var write in writes)
        {
            var before = write.Current;
            var after = write.Apply(before);
            write.Commit(after);
            units[write.Table] = units.GetValueOrDefault(write.Table) + WriteUnits(before, after);
        }
        Changed();
        var output = new JsonObject { ["UnprocessedItems"] = new JsonObject() };
        var capacity = new JsonArray([.. units.Select(u => Capacity(input, u.Key, u.Value)).OfType<JsonObject>()]);
        if (capacity.Count > 0)
        {
            output["ConsumedCapacity"] = capacity;
        }
        return output;
    }

    private static bool HasDuplicates(List<Dictionary<string, AttributeValue>> keys) =>
        keys.Select(KeyText).Distinct(StringComparer.Ordinal).Count() != keys.Count;

    /// <summary>A key as comparable text (its attributes in name order, as saved-state JSON).</summary>
    private static string KeyText(Dictionary<string, AttributeValue> key) =>
        string.Join("|", key.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + k.Value.ToStateJson().ToJsonString()));
}
