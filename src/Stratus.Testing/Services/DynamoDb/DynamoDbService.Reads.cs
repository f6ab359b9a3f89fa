using System.Text.Json.Nodes;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.DynamoDb.Expressions;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>Query and Scan: key conditions, filters, projections, Select, Limit, pagination, parallel scan segments.</summary>
public sealed partial class DynamoDbService
{
    /// <summary>A page stops once it has read this much (before filtering), as in DynamoDB.</summary>
    private const long MaxPageBytes = 1024 * 1024;

    private static readonly string[] SelectChoices = ["ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"];

    private JsonObject Query(MockCallContext context, JsonObject input)
    {
        Input.RejectLegacy(input, "KeyConditions", "QueryFilter", "ConditionalOperator");
        var table = FindTable(context, input);
        var view = View(context, table, input);
        var attributes = Attributes(input);
        var keyText = Input.Text(input, "KeyConditionExpression")
            ?? throw DynamoDbErrors.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        var keyCondition = ExpressionParser.ParseCondition(keyText, ExpressionKind.KeyConditionExpression, attributes);
        var filter = ReadCondition(input, attributes, "FilterExpression");
        var projection = ReadProjection(input, attributes);
        attributes.CheckAllUsed();
        var (hash, range) = KeyConditions.Analyze(keyCondition, view.Keys);
        if (filter is not null)
        {
            KeyConditions.CheckFilter(filter, view.Keys);
        }
        var select = ReadSelect(input, view, projection);

        var forward = Input.Flag(input, "ScanIndexForward") ?? true;
        var items = view.Partition(hash);
        if (range is not null)
        {
            items = items.Where(i => ConditionEvaluator.Evaluate(range, i));
        }
        if (!forward)
        {
            items = items.Reverse();
        }
        if (input["ExclusiveStartKey"] is { } startNode)
        {
            var start = view.ReadStartKey(startNode);
            if (!start[view.Keys.HashName].Equals(hash))
            {
                throw DynamoDbErrors.Validation("The provided starting key is outside query boundaries based on provided conditions");
            }
            items = items.SkipWhile(i => forward ? view.Compare(i, start, scan: false) <= 0 : view.Compare(i, start, scan: false) >= 0);
        }
        return ReadPage(input, view, items, filter, projection, select);
    }

    private JsonObject Scan(MockCallContext context, JsonObject input)
    {
        Input.RejectLegacy(input, "ScanFilter", "ConditionalOperator");
        var table = FindTable(context, input);
        var view = View(context, table, input);
        var attributes = Attributes(input);
        var filter = ReadCondition(input, attributes, "FilterExpression");
        var projection = ReadProjection(input, attributes);
        attributes.RequireExpressions(("FilterExpression", Input.Text(input, "FilterExpression")), ("ProjectionExpression", Input.Text(input, "ProjectionExpression")));
        attributes.CheckAllUsed();
        var select = ReadSelect(input, view, projection);

        var items = view.All();
        if (ReadSegment(input) is var (segment, total))
        {
            // Segments are contiguous ranges of the partition token, so each is a slice of the scan order.
            items = items.Where(i => (long)(((ulong)i[view.Keys.HashName].Token * (ulong)total) >> 32) == segment);
        }
        if (input["ExclusiveStartKey"] is { } startNode)
        {
            var start = view.ReadStartKey(startNode);
            items = items.SkipWhile(i => view.Compare(i, start, scan: true) <= 0);
        }
        return ReadPage(input, view, items, filter, projection, select);
    }

    /// <summary>Reads entries up to Limit (counted before filtering) or 1 MB, filters and projects them.</summary>
    private static JsonObject ReadPage(JsonObject input, TableView view, IEnumerable<Dictionary<string, AttributeValue>> items,
        Condition? filter, IReadOnlyList<DocumentPath>? projection, string select)
    {
        var limit = Input.Integer(input, "Limit");
        if (limit < 1)
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        var results = new JsonArray();
        var (count, scanned, bytes) = (0, 0, 0L);
        Dictionary<string, AttributeValue>? last = null;
        foreach (var item in items)
        {
            scanned++;
            bytes += AttributeValue.ItemSize(item);
            if (filter is null || ConditionEvaluator.Evaluate(filter, item))
            {
                count++;
                if (select != "COUNT")
                {
                    var entry = view.Present(item, select);
                    results.Add((JsonNode)AttributeValue.WriteItem(projection is null ? entry : Projector.Project(entry, projection)));
                }
            }
            // Like DynamoDB, a page that stops at its limit has a LastEvaluatedKey even when nothing follows.
            if (scanned == limit || bytes >= MaxPageBytes)
            {
                last = item;
                break;
            }
        }
        var output = new JsonObject();
        if (select != "COUNT")
        {
            output["Items"] = results;
        }
        output["Count"] = count;
        output["ScannedCount"] = scanned;
        if (last is not null)
        {
            output["LastEvaluatedKey"] = AttributeValue.WriteItem(view.KeyOf(last));
        }
        AddCapacity(output, Capacity(input, view.Table, ReadUnits(bytes, Input.Flag(input, "ConsistentRead") ?? false)));
        return output;
    }

    private static TableView View(MockCallContext context, Table table, JsonObject input)
    {
        var name = Input.Text(input, "IndexName");
        if (name is null)
        {
            return new TableView(table, null);
        }
        var index = table.FindIndex(name) ?? throw DynamoDbErrors.Validation($"The table does not have the specified index: {name}");
        if (index.IsGlobal && !index.IsActive(context.Now))
        {
            throw DynamoDbErrors.Validation($"Cannot read from backfilling global secondary index: {name}");
        }
        if (index.IsGlobal && Input.Flag(input, "ConsistentRead") == true)
        {
            throw DynamoDbErrors.Validation("Consistent reads are not supported on global secondary indexes");
        }
        return new TableView(table, index);
    }

    private static string ReadSelect(JsonObject input, TableView view, IReadOnlyList<DocumentPath>? projection)
    {
        var fallback = projection is not null ? "SPECIFIC_ATTRIBUTES" : view.Index is not null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        var select = Input.Choice(input, "Select", fallback, SelectChoices);
        if (select == "SPECIFIC_ATTRIBUTES" && projection is null)
        {
            throw DynamoDbErrors.Validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select != "SPECIFIC_ATTRIBUTES" && projection is not null)
        {
            throw DynamoDbErrors.Validation($"Cannot specify the ProjectionExpression when choosing to get {select}");
        }
        if (select == "ALL_PROJECTED_ATTRIBUTES" && view.Index is null)
        {
            throw DynamoDbErrors.Validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (select == "ALL_ATTRIBUTES" && view.Index is { IsGlobal: true, ProjectionType: not "ALL" } index)
        {
            throw DynamoDbErrors.Invalid($"Select type ALL_ATTRIBUTES is not supported for global secondary index {index.Name} because its projection type is not ALL");
        }
        return select;
    }

    private static (long Segment, long Total)? ReadSegment(JsonObject input)
    {
        var segment = Input.Integer(input, "Segment");
        var total = Input.Integer(input, "TotalSegments");
        if (segment is null && total is null)
        {
            return null;
        }
        if (total is null)
        {
            throw DynamoDbErrors.Validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (segment is null)
        {
            throw DynamoDbErrors.Validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (total is < 1 or > 1000000)
        {
            var bound = total < 1 ? "greater than or equal to 1" : "less than or equal to 1000000";
            throw DynamoDbErrors.Validation($"1 validation error detected: Value '{total}' at 'totalSegments' failed to satisfy constraint: Member must have value {bound}");
        }
        if (segment < 0 || segment >= total)
        {
            throw DynamoDbErrors.Validation($"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {segment} is not less than TotalSegments: {total}");
        }
        return (segment.Value, total.Value);
    }
}
