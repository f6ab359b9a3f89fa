using System.Text.Json.Nodes;
using Stratus.Testing.Services.DynamoDb;

namespace Stratus.Tests.Mock.DynamoDb;

public sealed class TableTests
{
    private const string WithIndexes = """
        {
          "TableName": "orders",
          "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"},
            {"AttributeName": "gpk", "AttributeType": "S"}, {"AttributeName": "lsk", "AttributeType": "S"}],
          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
          "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 3},
          "GlobalSecondaryIndexes": [{
            "IndexName": "byG", "KeySchema": [{"AttributeName": "gpk", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"},
            "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}],
          "LocalSecondaryIndexes": [{
            "IndexName": "byL", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "lsk", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["x"]}}]
        }
        """;

    [Fact]
    public void Create_answers_creating_then_describe_is_active_with_details()
    {
        var h = new DynamoDbHarness();
        var created = h.Call("CreateTable", WithIndexes)["TableDescription"]!;
        Assert.Equal("CREATING", (string?)created["TableStatus"]);
        Assert.Equal("CREATING", (string?)created["GlobalSecondaryIndexes"]![0]!["IndexStatus"]);
        Assert.Equal(h.Clock.Now, created["CreationDateTime"]!.GetValue<DateTimeOffset>());

        h.Put("orders", """{"pk":{"S":"a"},"sk":{"N":"1"},"gpk":{"S":"g"},"x":{"S":"hello"}}""");
        var table = h.Call("DescribeTable", """{"TableName":"orders"}""")["Table"]!;
        Assert.Equal("ACTIVE", (string?)table["TableStatus"]);
        Assert.Equal("arn:aws:dynamodb:us-east-1:000000000000:table/orders", (string?)table["TableArn"]);
        Assert.Equal(1, (long)table["ItemCount"]!);
        Assert.True((long)table["TableSizeBytes"]! > 0);
        Assert.Equal(5, (long)table["ProvisionedThroughput"]!["ReadCapacityUnits"]!);
        Assert.Null(table["BillingModeSummary"]);
        var gsi = table["GlobalSecondaryIndexes"]![0]!;
        Assert.Equal("ACTIVE", (string?)gsi["IndexStatus"]);
        Assert.Equal(1, (long)gsi["ItemCount"]!);
        Assert.Equal("arn:aws:dynamodb:us-east-1:000000000000:table/orders/index/byG", (string?)gsi["IndexArn"]);
        var lsi = table["LocalSecondaryIndexes"]![0]!;
        Assert.Equal(0, (long)lsi["ItemCount"]!);
        Assert.Equal("""{"ProjectionType":"INCLUDE","NonKeyAttributes":["x"]}""", DynamoDbHarness.Json(lsi["Projection"]));
        Assert.Equal(4, table["AttributeDefinitions"]!.AsArray().Count);
    }

    [Fact]
    public void Creation_delay_keeps_the_table_creating_and_its_items_unreachable()
    {
        var h = new DynamoDbHarness(new DynamoDbServiceOptions { ProvisioningDelay = TimeSpan.FromSeconds(2) });
        h.CreateTable("slow");
        Assert.Equal("CREATING", (string?)h.Call("DescribeTable", """{"TableName":"slow"}""")["Table"]!["TableStatus"]);
        Assert.Equal("ResourceNotFoundException", h.Fails("PutItem", """{"TableName":"slow","Item":{"pk":{"S":"a"}}}""").Error.Code);
        h.Clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal("ACTIVE", (string?)h.Call("DescribeTable", """{"TableName":"slow"}""")["Table"]!["TableStatus"]);
        h.Put("slow", """{"pk":{"S":"a"}}""");
    }

    [Fact]
    public void Tables_are_per_account_and_region()
    {
        var h = new DynamoDbHarness();
        h.CreateTable("tab1");
        h.Region = "eu-west-1";
        Assert.Equal("ResourceNotFoundException", h.Fails("DescribeTable", """{"TableName":"tab1"}""").Error.Code);
        h.CreateTable("tab1");
        h.Account = "111111111111";
        Assert.Empty(h.Call("ListTables", "{}")["TableNames"]!.AsArray());
        // An ARN reaches the table wherever it is.
        var described = h.Call("DescribeTable", """{"TableName":"arn:aws:dynamodb:us-east-1:000000000000:table/tab1"}""");
        Assert.Equal("tab1", (string?)described["Table"]!["TableName"]);
    }

    [Fact]
    public void List_tables_pages_by_name()
    {
        var h = new DynamoDbHarness();
        foreach (var name in new[] { "ccc", "aaa", "bbb", "ddd", "eee" })
        {
            h.CreateTable(name);
        }
        var first = h.Call("ListTables", """{"Limit":2}""");
        Assert.Equal("""["aaa","bbb"]""", DynamoDbHarness.Json(first["TableNames"]));
        Assert.Equal("bbb", (string?)first["LastEvaluatedTableName"]);
        var second = h.Call("ListTables", """{"Limit":3,"ExclusiveStartTableName":"bbb"}""");
        Assert.Equal("""["ccc","ddd","eee"]""", DynamoDbHarness.Json(second["TableNames"]));
        Assert.Null(second["LastEvaluatedTableName"]);
        h.Invalid("ListTables", """{"Limit":0}""", "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    [Fact]
    public void Delete_table_then_it_is_gone()
    {
        var h = new DynamoDbHarness();
        h.CreateTable("gone");
        Assert.Equal("DELETING", (string?)h.Call("DeleteTable", """{"TableName":"gone"}""")["TableDescription"]!["TableStatus"]);
        var e = h.Fails("DescribeTable", """{"TableName":"gone"}""");
        Assert.Equal("ResourceNotFoundException", e.Error.Code);
        Assert.Equal("Requested resource not found: Table: gone not found", e.Error.Message);
        var put = h.Fails("PutItem", """{"TableName":"gone","Item":{"pk":{"S":"a"}}}""");
        Assert.Equal("Requested resource not found", put.Error.Message);
    }

    [Fact]
    public void Deletion_protection_refuses_delete()
    {
        var h = new DynamoDbHarness();
        h.Call("CreateTable", """
            {"TableName":"kept","BillingMode":"PAY_PER_REQUEST","DeletionProtectionEnabled":true,
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}
            """);
        h.Invalid("DeleteTable", """{"TableName":"kept"}""", "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        h.Call("UpdateTable", """{"TableName":"kept","DeletionProtectionEnabled":false}""");
        h.Call("DeleteTable", """{"TableName":"kept"}""");
    }

    [Theory]
    [InlineData("""{"TableName":"tt","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""",
        "1 validation error detected: Value 'tt' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3")]
    [InlineData("""{"TableName":"ttt","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"RANGE"}]}""",
        "One or more parameter values were invalid: Invalid KeySchema: The first KeySchemaElement is not a HASH key type")]
    [InlineData("""{"TableName":"ttt","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]}""",
        "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [id], AttributeDefinitions: [pk]")]
    [InlineData("""{"TableName":"ttt","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"x","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""",
        "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")]
    [InlineData("""{"TableName":"ttt","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"BOOL"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""",
        "1 validation error detected: Value 'BOOL' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]")]
    [InlineData("""{"TableName":"ttt","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"l","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"LocalSecondaryIndexes":[{"IndexName":"lsi","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]}""",
        "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex")]
    [InlineData("""{"TableName":"ttt","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""",
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")]
    public void Create_table_validation(string input, string message) => new DynamoDbHarness().Invalid("CreateTable", input, message);

    [Fact]
    public void Create_existing_table_is_in_use()
    {
        var h = new DynamoDbHarness();
        h.CreateTable("dup");
        var e = h.Fails("CreateTable", """{"TableName":"dup","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""");
        Assert.Equal("ResourceInUseException", e.Error.Code);
        Assert.Equal("Table already exists: dup", e.Error.Message);
    }

    [Fact]
    public void Update_table_adds_and_deletes_a_global_index()
    {
        var h = new DynamoDbHarness();
        h.CreateTable("tbl", "S");
        h.Put("tbl", """{"pk":{"S":"a"},"sk":{"S":"1"},"color":{"S":"red"}}""");
        var updated = h.Call("UpdateTable", """
            {"TableName":"tbl","AttributeDefinitions":[{"AttributeName":"color","AttributeType":"S"}],
             "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"byColor","KeySchema":[{"AttributeName":"color","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}}]}
            """)["TableDescription"]!;
        Assert.Equal("UPDATING", (string?)updated["TableStatus"]);
        Assert.Equal("CREATING", (string?)updated["GlobalSecondaryIndexes"]![0]!["IndexStatus"]);

        var described = h.Call("DescribeTable", """{"TableName":"tbl"}""")["Table"]!;
        Assert.Equal("ACTIVE", (string?)described["TableStatus"]);
        Assert.Equal(1, (long)described["GlobalSecondaryIndexes"]![0]!["ItemCount"]!);
        var query = h.Call("Query", """{"TableName":"tbl","IndexName":"byColor","KeyConditionExpression":"color = :c","ExpressionAttributeValues":{":c":{"S":"red"}}}""");
        Assert.Equal(1, (int)query["Count"]!);

        var e = h.Fails("UpdateTable", """
            {"TableName":"tbl","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"byColor"}},
             {"Create":{"IndexName":"other","KeySchema":[{"AttributeName":"color","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}}]}
            """);
        Assert.Equal("LimitExceededException", e.Error.Code);

        var deleted = h.Call("UpdateTable", """{"TableName":"tbl","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"byColor"}}]}""")["TableDescription"]!;
        Assert.Equal("DELETING", (string?)deleted["GlobalSecondaryIndexes"]![0]!["IndexStatus"]);
        var after = h.Call("DescribeTable", """{"TableName":"tbl"}""")["Table"]!;
        Assert.Null(after["GlobalSecondaryIndexes"]);
        Assert.Equal(2, after["AttributeDefinitions"]!.AsArray().Count);
        h.Invalid("Query", """{"TableName":"tbl","IndexName":"byColor","KeyConditionExpression":"color = :c","ExpressionAttributeValues":{":c":{"S":"red"}}}""",
            "The table does not have the specified index: byColor");
    }

    [Fact]
    public void Update_table_switches_billing_mode()
    {
        var h = new DynamoDbHarness();
        h.CreateTable("tbl");
        var updated = h.Call("UpdateTable", """{"TableName":"tbl","BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":7,"WriteCapacityUnits":8}}""")["TableDescription"]!;
        Assert.Equal(7, (long)updated["ProvisionedThroughput"]!["ReadCapacityUnits"]!);
        Assert.Null(updated["BillingModeSummary"]);
        h.Invalid("UpdateTable", """{"TableName":"tbl"}""", "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    }

    [Fact]
    public void Tags_and_time_to_live()
    {
        var h = new DynamoDbHarness();
        h.Call("CreateTable", """
            {"TableName":"tagged","BillingMode":"PAY_PER_REQUEST","Tags":[{"Key":"env","Value":"test"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}
            """);
        const string arn = "arn:aws:dynamodb:us-east-1:000000000000:table/tagged";
        h.Call("TagResource", $$"""{"ResourceArn":"{{arn}}","Tags":[{"Key":"team","Value":"core"},{"Key":"env","Value":"prod"}]}""");
        h.Call("UntagResource", $$"""{"ResourceArn":"{{arn}}","TagKeys":["team"]}""");
        Assert.Equal("""[{"Key":"env","Value":"prod"}]""", DynamoDbHarness.Json(h.Call("ListTagsOfResource", $$"""{"ResourceArn":"{{arn}}"}""")["Tags"]));

        Assert.Equal("DISABLED", (string?)h.Call("DescribeTimeToLive", """{"TableName":"tagged"}""")["TimeToLiveDescription"]!["TimeToLiveStatus"]);
        h.Call("UpdateTimeToLive", """{"TableName":"tagged","TimeToLiveSpecification":{"Enabled":true,"AttributeName":"expires"}}""");
        Assert.Equal("""{"TimeToLiveStatus":"ENABLED","AttributeName":"expires"}""", DynamoDbHarness.Json(h.Call("DescribeTimeToLive", """{"TableName":"tagged"}""")["TimeToLiveDescription"]));
        h.Invalid("UpdateTimeToLive", """{"TableName":"tagged","TimeToLiveSpecification":{"Enabled":true,"AttributeName":"expires"}}""", "TimeToLive is already enabled");

        var restored = new DynamoDbHarness();
        restored.Service.LoadState(System.Text.Json.Nodes.JsonNode.Parse(h.Service.SaveState().ToJsonString())!);
        Assert.Equal("ENABLED", (string?)restored.Call("DescribeTimeToLive", """{"TableName":"tagged"}""")["TimeToLiveDescription"]!["TimeToLiveStatus"]);
        Assert.Single(restored.Call("ListTagsOfResource", $$"""{"ResourceArn":"{{arn}}"}""")["Tags"]!.AsArray());
    }

    [Fact]
    public void Model_operations_without_a_handler_are_not_implemented()
    {
        var h = new DynamoDbHarness();
        var e = h.Fails("CreateBackup", new JsonObject { ["TableName"] = "tbl", ["BackupName"] = "b" });
        Assert.Equal("NotImplemented", e.Error.Code);
    }
}
