using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;

// The JSON member names are the API's, which some property names happen to share.
#pragma warning disable CA1507

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>The table as DescribeTable (and CreateTable, UpdateTable, DeleteTable) describe it.</summary>
internal sealed partial class Table
{
    /// <summary>The stream's label (streams are described, not produced).</summary>
    public string StreamLabel => CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>The TableDescription at <paramref name="now"/>; <paramref name="status"/> overrides the status (CreateTable says CREATING).</summary>
    public JsonObject Describe(DateTimeOffset now, string? status = null)
    {
        var description = new JsonObject
        {
            ["AttributeDefinitions"] = new JsonArray([.. AttributeDefinitions.Select(d => (JsonNode)new JsonObject
            {
                ["AttributeName"] = d.Key,
                ["AttributeType"] = d.Value.ToString(),
            })]),
            ["TableName"] = Name,
            ["KeySchema"] = Keys.ToJson(),
            ["TableStatus"] = status ?? Status(now),
            ["CreationDateTime"] = NativeValues.Timestamp(CreatedAt),
            ["ProvisionedThroughput"] = Throughput(ReadCapacity, WriteCapacity),
            ["TableSizeBytes"] = Items.SizeBytes,
            ["ItemCount"] = (long)Items.Count,
            ["TableArn"] = Arn,
            ["TableId"] = Id,
            ["DeletionProtectionEnabled"] = DeletionProtection,
        };
        if (BillingMode == "PAY_PER_REQUEST")
        {
            description["BillingModeSummary"] = new JsonObject
            {
                ["BillingMode"] = BillingMode,
                ["LastUpdateToPayPerRequestDateTime"] = NativeValues.Timestamp(PayPerRequestSince ?? CreatedAt),
            };
        }
        if (GlobalIndexes.Count > 0)
        {
            description["GlobalSecondaryIndexes"] = new JsonArray([.. GlobalIndexes.Select(i => (JsonNode)DescribeIndex(i, now, status == "CREATING" ? status : null))]);
        }
        if (LocalIndexes.Count > 0)
        {
            description["LocalSecondaryIndexes"] = new JsonArray([.. LocalIndexes.Select(i => (JsonNode)DescribeIndex(i, now))]);
        }
        if (StreamEnabled)
        {
            description["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = true, ["StreamViewType"] = StreamViewType };
            description["LatestStreamLabel"] = StreamLabel;
            description["LatestStreamArn"] = $"{Arn}/stream/{StreamLabel}";
        }
        return description;
    }

    /// <summary>An index's description, with its current item count and size.</summary>
    public JsonObject DescribeIndex(SecondaryIndex index, DateTimeOffset now, string? status = null)
    {
        var entries = Items.All().Where(index.Keys.Covers).Select(i => index.Project(i, Keys)).ToList();
        var description = new JsonObject
        {
            ["IndexName"] = index.Name,
            ["KeySchema"] = index.Keys.ToJson(),
            ["Projection"] = index.ProjectionJson(),
        };
        if (index.IsGlobal)
        {
            var indexStatus = status ?? (index.IsActive(now) ? "ACTIVE" : "CREATING");
            description["IndexStatus"] = indexStatus;
            if (indexStatus == "CREATING")
            {
                description["Backfilling"] = true;
            }
            description["ProvisionedThroughput"] = Throughput(index.ReadCapacity, index.WriteCapacity);
        }
        description["IndexSizeBytes"] = entries.Sum(AttributeValue.ItemSize);
        description["ItemCount"] = (long)entries.Count;
        description["IndexArn"] = index.Arn;
        return description;
    }

    private static JsonObject Throughput(long read, long write) => new()
    {
        ["NumberOfDecreasesToday"] = 0,
        ["ReadCapacityUnits"] = read,
        ["WriteCapacityUnits"] = write,
    };
}
