using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>UpdateTable: billing mode, throughput, global secondary indexes (create, update, delete), deletion protection, streams.</summary>
public sealed partial class DynamoDbService
{
    private JsonObject UpdateTable(MockCallContext context, JsonObject input)
    {
        var table = FindTable(context, input, forItems: false);
        var now = context.Now;
        if (table.Status(now) != "ACTIVE")
        {
            var doing = table.PendingStatus == "CREATING" ? "created" : "updated";
            throw DynamoDbErrors.ResourceInUse($"Attempt to change a resource which is still in use: Table is being {doing}: {table.Name}");
        }
        string[] members = ["ProvisionedThroughput", "BillingMode", "GlobalSecondaryIndexUpdates", "StreamSpecification", "DeletionProtectionEnabled", "SSESpecification", "ReplicaUpdates", "TableClass", "OnDemandThroughput", "WarmThroughput"];
        if (!members.Any(m => input[m] is not null))
        {
            throw DynamoDbErrors.Validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }

        // Check everything, then change the table: a rejected update changes nothing.
        var definitions = new Dictionary<string, AttributeType>(table.AttributeDefinitions, StringComparer.Ordinal);
        if (input["AttributeDefinitions"] is not null)
        {
            foreach (var (name, type) in TableDefinitions.ReadAttributeDefinitions(input["AttributeDefinitions"]))
            {
                definitions[name] = type;
            }
        }
        var billing = Input.Choice(input, "BillingMode", table.BillingMode, "PROVISIONED", "PAY_PER_REQUEST");
        var throughput = TableDefinitions.ReadThroughput(input["ProvisionedThroughput"], "provisionedThroughput");
        if (billing == "PAY_PER_REQUEST" && throughput is not null)
        {
            throw DynamoDbErrors.Invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (billing == "PROVISIONED" && table.BillingMode == "PAY_PER_REQUEST" && throughput is null)
        {
            throw DynamoDbErrors.Invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        var readyAt = now + Options.ProvisioningDelay;
        var created = new List<SecondaryIndex>();
        var deleted = new List<SecondaryIndex>();
        var resized = new List<(SecondaryIndex Index, (long Read, long Write) Throughput)>();
        foreach (var update in (Input.List(input, "GlobalSecondaryIndexUpdates") ?? []).OfType<JsonObject>())
        {
            if (Input.Map(update, "Create") is { } create)
            {
                var index = TableDefinitions.ReadIndex(create, true, definitions, table.Arn, billing, readyAt);
                if (table.FindIndex(index.Name) is not null || created.Exists(c => c.Name == index.Name))
                {
                    throw DynamoDbErrors.Invalid($"Index with name: {index.Name} already exists");
                }
                created.Add(index);
            }
            else if (Input.Map(update, "Delete") is { } delete)
            {
                var name = Input.RequiredText(delete, "IndexName");
                deleted.Add(table.GlobalIndexes.Find(i => i.Name == name) ?? throw DynamoDbErrors.ResourceNotFound($"Index: {name} not found"));
            }
            else if (Input.Map(update, "Update") is { } change)
            {
                var name = Input.RequiredText(change, "IndexName");
                var index = table.GlobalIndexes.Find(i => i.Name == name) ?? throw DynamoDbErrors.ResourceNotFound($"Index: {name} not found");
                resized.Add((index, TableDefinitions.ReadThroughput(change["ProvisionedThroughput"], "provisionedThroughput") ?? throw DynamoDbErrors.Missing("ProvisionedThroughput")));
            }
            else
            {
                throw DynamoDbErrors.Invalid("One of GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Update, or GlobalSecondaryIndexUpdate.Delete must be specified");
            }
        }
        if (created.Count + deleted.Count > 1)
        {
            throw new MockServiceException("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        }
        if (table.GlobalIndexes.Count + created.Count > MaxGlobalIndexes)
        {
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of {MaxGlobalIndexes}");
        }

        if (billing != table.BillingMode && billing == "PAY_PER_REQUEST")
        {
            table.PayPerRequestSince = now;
            table.ReadCapacity = table.WriteCapacity = 0;
        }
        table.BillingMode = billing;
        if (throughput is { } t)
        {
            (table.ReadCapacity, table.WriteCapacity) = t;
        }
        foreach (var (index, (read, write)) in resized)
        {
            (index.ReadCapacity, index.WriteCapacity) = (read, write);
        }
        table.GlobalIndexes.AddRange(created);
        table.GlobalIndexes.RemoveAll(deleted.Contains);
        var used = table.Keys.Names.Concat(table.Indexes.SelectMany(i => i.Keys.Names)).ToHashSet(StringComparer.Ordinal);
        table.AttributeDefinitions.Clear();
        foreach (var (name, type) in definitions.Where(d => used.Contains(d.Key)))
        {
            table.AttributeDefinitions[name] = type;
        }
        if (Input.Flag(input, "DeletionProtectionEnabled") is { } protect)
        {
            table.DeletionProtection = protect;
        }
        if (Input.Map(input, "StreamSpecification") is { } stream)
        {
            table.StreamEnabled = Input.Flag(stream, "StreamEnabled") ?? false;
            table.StreamViewType = table.StreamEnabled ? Input.Text(stream, "StreamViewType") : null;
        }
        table.ReadyAt = readyAt;
        table.PendingStatus = "UPDATING";
        Changed();

        var description = table.Describe(now, "UPDATING");
        if (description["GlobalSecondaryIndexes"] is JsonArray indexes)
        {
            foreach (var d in indexes.OfType<JsonObject>().Where(d => created.Exists(c => c.Name == (string?)d["IndexName"])))
            {
                d["IndexStatus"] = "CREATING";
                d["Backfilling"] = false;
            }
        }
        foreach (var index in deleted)
        {
            var gone = table.DescribeIndex(index, now, "DELETING");
            if (description["GlobalSecondaryIndexes"] is JsonArray list)
            {
                list.Add((JsonNode)gone);
            }
            else
            {
                description["GlobalSecondaryIndexes"] = new JsonArray(gone);
            }
        }
        return new JsonObject { ["TableDescription"] = description };
    }
}
