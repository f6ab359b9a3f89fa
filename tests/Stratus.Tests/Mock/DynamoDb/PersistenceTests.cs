using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Services.DynamoDb;

namespace Stratus.Tests.Mock.DynamoDb;

public sealed class PersistenceTests
{
    [Fact]
    public void Save_and_load_round_trip_through_json_text()
    {
        var h = new DynamoDbHarness();
        var version = h.Service.StateVersion;
        h.Call("CreateTable", """
            {"TableName":"keep","BillingMode":"PAY_PER_REQUEST","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"},
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},{"AttributeName":"g","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["v"]}}]}
            """);
        Assert.True(h.Service.StateVersion > version);
        var item = new JsonObject
        {
            ["pk"] = new JsonObject { ["S"] = "a" },
            ["sk"] = new JsonObject { ["N"] = "12345678901234567890.123456789" },
            ["g"] = new JsonObject { ["S"] = "x" },
            ["bin"] = new JsonObject { ["B"] = NativeValues.Blob([0, 1, 2, 250]) },
            ["bs"] = new JsonObject { ["BS"] = new JsonArray(NativeValues.Blob([9])) },
            ["m"] = new JsonObject { ["M"] = new JsonObject { ["l"] = new JsonObject { ["L"] = new JsonArray(new JsonObject { ["NULL"] = true }) } } },
        };
        h.Call("PutItem", new JsonObject { ["TableName"] = "keep", ["Item"] = item });
        h.Region = "eu-west-1";
        h.CreateTable("other");
        var described = h.Call("DescribeTable", """{"TableName":"arn:aws:dynamodb:us-east-1:000000000000:table/keep"}""")["Table"]!.ToJsonString();

        var saved = JsonNode.Parse(h.Service.SaveState().ToJsonString())!;
        var restored = new DynamoDbHarness(service: new DynamoDbService());
        restored.Service.LoadState(saved);

        var got = restored.Get("keep", """{"pk":{"S":"a"},"sk":{"N":"12345678901234567890.123456789"}}""")!;
        Assert.Equal(new byte[] { 0, 1, 2, 250 }, got["bin"]!["B"]!.GetValue<byte[]>());
        Assert.Equal(new byte[] { 9 }, got["bs"]!["BS"]![0]!.GetValue<byte[]>());
        Assert.Equal("""{"M":{"l":{"L":[{"NULL":true}]}}}""", DynamoDbHarness.Json(got["m"]));
        Assert.Equal(described, restored.Call("DescribeTable", """{"TableName":"keep"}""")["Table"]!.ToJsonString());
        var query = restored.Call("Query", """{"TableName":"keep","IndexName":"byG","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"x"}}}""");
        Assert.Equal(1, (int)query["Count"]!);
        restored.Region = "eu-west-1";
        Assert.Equal("""["other"]""", DynamoDbHarness.Json(restored.Call("ListTables", "{}")["TableNames"]));
    }

    [Fact]
    public void Reads_do_not_change_the_state_version()
    {
        var h = new DynamoDbHarness();
        h.CreateTable("ver");
        h.Put("ver", """{"pk":{"S":"a"}}""");
        var version = h.Service.StateVersion;
        h.Get("ver", """{"pk":{"S":"a"}}""");
        h.Call("Scan", """{"TableName":"ver"}""");
        h.Call("DescribeTable", """{"TableName":"ver"}""");
        Assert.Equal(version, h.Service.StateVersion);
        h.Fails("PutItem", """{"TableName":"ver","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_not_exists(pk)"}""");
        Assert.Equal(version, h.Service.StateVersion);
    }
}
