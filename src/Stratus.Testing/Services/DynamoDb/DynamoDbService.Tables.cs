using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>CreateTable, DescribeTable, ListTables, DeleteTable.</summary>
public sealed partial class DynamoDbService
{
    private const int MaxLocalIndexes = 5;
    private const int MaxGlobalIndexes = 20;

    private JsonObject CreateTable(MockCallContext context, JsonObject input)
    {
        var name = Input.RequiredText(input, "TableName");
        CheckTableName(name);
        var definitions = TableDefinitions.ReadAttributeDefinitions(input["AttributeDefinitions"]);
        var keys = TableDefinitions.ReadKeySchema(input["KeySchema"], definitions, "keySchema");
        var billing = Input.Choice(input, "BillingMode", "PROVISIONED", "PROVISIONED", "PAY_PER_REQUEST");
        var throughput = CheckThroughput(billing, input["ProvisionedThroughput"]);
        var now = context.Now;
        var readyAt = now + Options.ProvisioningDelay;
        var arn = $"arn:aws:dynamodb:{context.Region}:{context.Account.AccountId}:table/{name}";

        var locals = (Input.List(input, "LocalSecondaryIndexes") ?? []).Select(s => TableDefinitions.ReadIndex(s as JsonObject ?? [], false, definitions, arn, billing, readyAt)).ToList();
        var globals = (Input.List(input, "GlobalSecondaryIndexes") ?? []).Select(s => TableDefinitions.ReadIndex(s as JsonObject ?? [], true, definitions, arn, billing, readyAt)).ToList();
        CheckLocalIndexes(keys, locals);
        if (globals.Count > MaxGlobalIndexes)
        {
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of {MaxGlobalIndexes}");
        }
        if (locals.Concat(globals).GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw DynamoDbErrors.Invalid($"Duplicate index name: {duplicate.Key}");
        }
        var used = keys.Names.Concat(locals.Concat(globals).SelectMany(i => i.Keys.Names)).ToHashSet(StringComparer.Ordinal);
        if (definitions.Keys.Any(d => !used.Contains(d)))
        {
            throw locals.Count + globals.Count == 0
                ? DynamoDbErrors.Invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
                : DynamoDbErrors.Invalid($"Some AttributeDefinitions are not used. AttributeDefinitions: [{string.Join(", ", definitions.Keys)}], keys used: [{string.Join(", ", used)}]");
        }

        var tables = Tables(context);
        if (tables.ContainsKey(name))
        {
            throw DynamoDbErrors.ResourceInUse($"Table already exists: {name}");
        }
        var stream = Input.Map(input, "StreamSpecification");
        var table = new Table(keys)
        {
            Name = name,
            Arn = arn,
            Account = context.Account.AccountId,
            Region = context.Region,
            Id = Guid.NewGuid().ToString(),
            CreatedAt = now,
            AttributeDefinitions = definitions,
            BillingMode = billing,
            PayPerRequestSince = billing == "PAY_PER_REQUEST" ? now : null,
            ReadCapacity = throughput?.Read ?? 0,
            WriteCapacity = throughput?.Write ?? 0,
            GlobalIndexes = globals,
            LocalIndexes = locals,
            ReadyAt = readyAt,
            PendingStatus = "CREATING",
            DeletionProtection = Input.Flag(input, "DeletionProtectionEnabled") ?? false,
            StreamEnabled = stream is not null && (Input.Flag(stream, "StreamEnabled") ?? false),
            StreamViewType = stream is null ? null : Input.Text(stream, "StreamViewType"),
        };
        foreach (var (key, value) in ReadTags(input))
        {
            table.Tags[key] = value;
        }
        tables[name] = table;
        Changed();
        return new JsonObject { ["TableDescription"] = table.Describe(now, "CREATING") };
    }

    private JsonObject DescribeTable(MockCallContext context, JsonObject input) =>
        new() { ["Table"] = FindTable(context, input, forItems: false).Describe(context.Now) };

    private JsonObject ListTables(MockCallContext context, JsonObject input)
    {
        var limit = Input.Integer(input, "Limit") ?? 100;
        if (limit is < 1 or > 100)
        {
            var bound = limit < 1 ? "greater than or equal to 1" : "less than or equal to 100";
            throw DynamoDbErrors.Validation($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value {bound}");
        }
        var start = Input.Text(input, "ExclusiveStartTableName");
        var names = Tables(context).Keys.Where(n => start is null || string.CompareOrdinal(n, start) > 0).Take((int)limit + 1).ToList();
        var page = names.Take((int)limit).ToList();
        var output = new JsonObject { ["TableNames"] = new JsonArray([.. page.Select(n => (JsonNode)JsonValue.Create(n))]) };
        if (names.Count > limit)
        {
            output["LastEvaluatedTableName"] = page[^1];
        }
        return output;
    }

    private JsonObject DeleteTable(MockCallContext context, JsonObject input)
    {
        var table = FindTable(context, input, forItems: false);
        if (table.DeletionProtection)
        {
            throw DynamoDbErrors.Validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }
        if (table.Status(context.Now) == "CREATING")
        {
            throw DynamoDbErrors.ResourceInUse($"Attempt to change a resource which is still in use: Table is being created: {table.Name}");
        }
        Tables(table.Account, table.Region).Remove(table.Name);
        Changed();
        return new JsonObject { ["TableDescription"] = table.Describe(context.Now, "DELETING") };
    }

    private static (long Read, long Write)? CheckThroughput(string billing, JsonNode? node)
    {
        var throughput = TableDefinitions.ReadThroughput(node, "provisionedThroughput");
        if (billing == "PROVISIONED" && throughput is null)
        {
            throw DynamoDbErrors.Invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        if (billing == "PAY_PER_REQUEST" && throughput is not null)
        {
            throw DynamoDbErrors.Invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        return throughput;
    }

    private static void CheckLocalIndexes(KeySchema keys, List<SecondaryIndex> locals)
    {
        if (locals.Count == 0)
        {
            return;
        }
        if (keys.RangeName is null)
        {
            throw DynamoDbErrors.Invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }
        if (locals.Count > MaxLocalIndexes)
        {
            throw DynamoDbErrors.Invalid($"Number of LocalSecondaryIndexes exceeds per-table limit of {MaxLocalIndexes}");
        }
        foreach (var index in locals)
        {
            if (index.Keys.HashName != keys.HashName)
            {
                throw DynamoDbErrors.Invalid($"Index KeySchema does not have the same leading hash key as table KeySchema for index: {index.Name}. index hash key: {index.Keys.HashName}, table hash key: {keys.HashName}");
            }
            if (index.Keys.RangeName is null)
            {
                throw DynamoDbErrors.Invalid($"Index KeySchema does not have a range key for index: {index.Name}");
            }
        }
    }
}
