using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// A mocked Amazon DynamoDB: tables with global and local secondary indexes, items with the whole expression
/// language (conditions, updates, projections, key conditions, filters), queries and scans with pagination
/// and parallel segments, batches and transactions, tags and TTL settings, with AWS's errors. Tables live per account and region.
/// Thread-safe: one lock serializes the calls, so every call (a transaction too) is atomic. Numbers are exact
/// (38 digits); strings sort by UTF-8 bytes and binaries bytewise, as in DynamoDB.
/// </summary>
/// <remarks>
/// Not implemented: the legacy parameters (Expected, AttributeUpdates, KeyConditions, QueryFilter, ScanFilter,
/// ConditionalOperator; AttributesToGet is supported), PartiQL, backups, global tables, streams' records, TTL
/// expiry, ClientRequestToken idempotency. Reads are always strongly consistent. ItemCount and TableSizeBytes
/// are current rather than six-hourly.
/// </remarks>
public sealed partial class DynamoDbService : MockService, IPersistentMockService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, string Region), SortedDictionary<string, Table>> _regions = [];
    private long _stateVersion;

    /// <summary>Creates the service with default options (tables ACTIVE from the call after CreateTable).</summary>
    public DynamoDbService()
        : this(new DynamoDbServiceOptions())
    {
    }

    /// <summary>Creates the service.</summary>
    public DynamoDbService(DynamoDbServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        On("CreateTable", Locked(CreateTable));
        On("DescribeTable", Locked(DescribeTable));
        On("ListTables", Locked(ListTables));
        On("DeleteTable", Locked(DeleteTable));
        On("UpdateTable", Locked(UpdateTable));
        On("PutItem", Locked(PutItem));
        On("GetItem", Locked(GetItem));
        On("UpdateItem", Locked(UpdateItem));
        On("DeleteItem", Locked(DeleteItem));
        On("Query", Locked(Query));
        On("Scan", Locked(Scan));
        On("BatchGetItem", Locked(BatchGetItem));
        On("BatchWriteItem", Locked(BatchWriteItem));
        On("TransactWriteItems", Locked(TransactWriteItems));
        On("TransactGetItems", Locked(TransactGetItems));
        On("TagResource", Locked(TagResource));
        On("UntagResource", Locked(UntagResource));
        On("ListTagsOfResource", Locked(ListTagsOfResource));
        On("UpdateTimeToLive", Locked(UpdateTimeToLive));
        On("DescribeTimeToLive", Locked(DescribeTimeToLive));
    }

    /// <inheritdoc />
    public override string Name => "dynamodb";

    /// <summary>The options.</summary>
    public DynamoDbServiceOptions Options { get; }

    /// <inheritdoc />
    public long StateVersion => Interlocked.Read(ref _stateVersion);

    private Func<MockCallContext, JsonObject, JsonObject> Locked(Func<MockCallContext, JsonObject, JsonObject> handler) => (context, input) =>
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        lock (_gate)
        {
            return handler(context, input);
        }
    };

    /// <summary>Marks the state changed (under the lock).</summary>
    private void Changed() => Interlocked.Increment(ref _stateVersion);

    /// <summary>The tables of an account in a region.</summary>
    private SortedDictionary<string, Table> Tables(string account, string region)
    {
        if (!_regions.TryGetValue((account, region), out var tables))
        {
            tables = new SortedDictionary<string, Table>(StringComparer.Ordinal);
            _regions[(account, region)] = tables;
        }
        return tables;
    }

    private SortedDictionary<string, Table> Tables(MockCallContext context) => Tables(context.Account.AccountId, context.Region);

    /// <summary>
    /// The table a request names (by name, or by ARN, which may point at another account or region).
    /// A table still being created is not found by item operations, as in AWS.
    /// </summary>
    private Table FindTable(MockCallContext context, string nameOrArn, bool forItems = true)
    {
        var (account, region, name) = (context.Account.AccountId, context.Region, nameOrArn);
        if (nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = nameOrArn.Split(':', 6);
            if (parts.Length == 6 && parts[5].StartsWith("table/", StringComparison.Ordinal))
            {
                (account, region, name) = (parts[4], parts[3], parts[5]["table/".Length..].Split('/')[0]);
            }
        }
        else
        {
            CheckTableName(name);
        }
        if (!Tables(account, region).TryGetValue(name, out var table))
        {
            throw DynamoDbErrors.ResourceNotFound(forItems ? null : $"Table: {name} not found");
        }
        if (forItems && table.PendingStatus == "CREATING" && table.Status(context.Now) != "ACTIVE")
        {
            throw DynamoDbErrors.ResourceNotFound();
        }
        return table;
    }

    private Table FindTable(MockCallContext context, JsonObject input, bool forItems = true) =>
        FindTable(context, Input.RequiredText(input, "TableName"), forItems);

    private static void CheckTableName(string name)
    {
        string? problem = name.Length < 3 ? "Member must have length greater than or equal to 3"
            : name.Length > 255 ? "Member must have length less than or equal to 255"
            : !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
            : null;
        if (problem is not null)
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value '{name}' at 'tableName' failed to satisfy constraint: {problem}");
        }
    }
}
