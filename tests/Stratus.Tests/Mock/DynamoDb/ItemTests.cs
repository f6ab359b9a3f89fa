using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Mock.DynamoDb;

public sealed class ItemTests
{
    private static DynamoDbHarness Table(string? sortType = null)
    {
        var h = new DynamoDbHarness();
        h.CreateTable("tbl", sortType);
        return h;
    }

    [Fact]
    public void Put_get_delete_round_trip_every_type()
    {
        var h = Table();
        var item = new JsonObject
        {
            ["pk"] = new JsonObject { ["S"] = "a" },
            ["n"] = new JsonObject { ["N"] = "01.50" },
            ["b"] = new JsonObject { ["B"] = NativeValues.Blob([1, 2, 255]) },
            ["t"] = new JsonObject { ["BOOL"] = true },
            ["z"] = new JsonObject { ["NULL"] = true },
            ["l"] = new JsonObject { ["L"] = new JsonArray(new JsonObject { ["S"] = "x" }, new JsonObject { ["N"] = "2" }) },
            ["m"] = new JsonObject { ["M"] = new JsonObject { ["k"] = new JsonObject { ["S"] = "v" } } },
            ["ss"] = new JsonObject { ["SS"] = new JsonArray("a", "b") },
            ["ns"] = new JsonObject { ["NS"] = new JsonArray("1", "2.0") },
            ["bs"] = new JsonObject { ["BS"] = new JsonArray(NativeValues.Blob([1]), NativeValues.Blob([2])) },
            ["empty"] = new JsonObject { ["S"] = "" },
        };
        h.Call("PutItem", new JsonObject { ["TableName"] = "tbl", ["Item"] = item });
        var got = h.Get("tbl", """{"pk":{"S":"a"}}""")!;
        Assert.Equal("1.5", (string?)got["n"]!["N"]);
        Assert.True(NativeValues.TryGetBytes(got["b"]!["B"], out var bytes));
        Assert.Equal(new byte[] { 1, 2, 255 }, bytes);
        Assert.Equal("""{"L":[{"S":"x"},{"N":"2"}]}""", DynamoDbHarness.Json(got["l"]));
        Assert.Equal("""{"NS":["1","2"]}""", DynamoDbHarness.Json(got["ns"]));
        Assert.Equal("""{"NULL":true}""", DynamoDbHarness.Json(got["z"]));
        Assert.Equal("", (string?)got["empty"]!["S"]);
        Assert.Equal(2, got["bs"]!["BS"]!.AsArray().Count);

        var deleted = h.Call("DeleteItem", """{"TableName":"tbl","Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_OLD"}""");
        Assert.Equal("a", (string?)deleted["Attributes"]!["pk"]!["S"]);
        Assert.Null(h.Get("tbl", """{"pk":{"S":"a"}}"""));
        Assert.Empty(h.Call("DeleteItem", """{"TableName":"tbl","Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_OLD"}"""));
    }

    [Fact]
    public void Put_returns_the_old_item_when_asked()
    {
        var h = Table();
        Assert.Empty(h.Call("PutItem", """{"TableName":"tbl","Item":{"pk":{"S":"a"},"v":{"N":"1"}},"ReturnValues":"ALL_OLD"}"""));
        var second = h.Call("PutItem", """{"TableName":"tbl","Item":{"pk":{"S":"a"},"v":{"N":"2"}},"ReturnValues":"ALL_OLD"}""");
        Assert.Equal("1", (string?)second["Attributes"]!["v"]!["N"]);
        h.Invalid("PutItem", """{"TableName":"tbl","Item":{"pk":{"S":"a"}},"ReturnValues":"ALL_NEW"}""", "ReturnValues can only be ALL_OLD or NONE");
    }

    [Fact]
    public void Get_with_projection_and_placeholders()
    {
        var h = Table();
        h.Put("tbl", """{"pk":{"S":"a"},"name":{"S":"n"},"m":{"M":{"x":{"N":"1"},"y":{"N":"2"}}},"l":{"L":[{"S":"l0"},{"S":"l1"},{"M":{"z":{"S":"deep"},"w":{"S":"no"}}}]}}""");
        var got = h.Call("GetItem", """
            {"TableName":"tbl","Key":{"pk":{"S":"a"}},"ConsistentRead":true,
             "ProjectionExpression":"#n, m.y, l[2].z, l[0], absent","ExpressionAttributeNames":{"#n":"name"}}
            """)["Item"]!;
        Assert.Equal("""{"name":{"S":"n"},"m":{"M":{"y":{"N":"2"}}},"l":{"L":[{"S":"l0"},{"M":{"z":{"S":"deep"}}}]}}""", DynamoDbHarness.Json(got));
        var attributes = h.Call("GetItem", """{"TableName":"tbl","Key":{"pk":{"S":"a"}},"AttributesToGet":["name"]}""")["Item"]!;
        Assert.Equal("""{"name":{"S":"n"}}""", DynamoDbHarness.Json(attributes));
        h.Invalid("GetItem", """{"TableName":"tbl","Key":{"pk":{"S":"a"}},"ProjectionExpression":"name"}""",
            "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        h.Invalid("GetItem", """{"TableName":"tbl","Key":{"pk":{"S":"a"}},"ProjectionExpression":"pk","ExpressionAttributeNames":{"#n":"name"}}""",
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}");
    }

    [Theory]
    [InlineData("""{"TableName":"tbl","Item":{"other":{"S":"a"}}}""", "One or more parameter values were invalid: Missing the key pk in the item")]
    [InlineData("""{"TableName":"tbl","Item":{"pk":{"N":"1"}}}""", "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N")]
    [InlineData("""{"TableName":"tbl","Item":{"pk":{"S":""}}}""", "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk")]
    [InlineData("""{"TableName":"tbl","Item":{"pk":{"S":"a"},"n":{"N":"x"}}}""", "A value provided cannot be converted into a number")]
    [InlineData("""{"TableName":"tbl","Item":{"pk":{"S":"a"},"s":{"SS":[]}}}""", "One or more parameter values were invalid: An string set  may not be empty")]
    [InlineData("""{"TableName":"tbl","Item":{"pk":{"S":"a"},"s":{"SS":["x","x"]}}}""", "One or more parameter values were invalid: Input collection [x, x] contains duplicates.")]
    [InlineData("""{"TableName":"tbl","Item":{"pk":{"S":"a"},"s":{"S":"x","N":"1"}}}""", "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")]
    [InlineData("""{"TableName":"tbl","Item":{"pk":{"S":"a"},"s":{}}}""", "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")]
    [InlineData("""{"TableName":"tbl","Item":{"pk":{"S":"a"},"s":{"NULL":false}}}""", "One or more parameter values were invalid: Null attribute value types must have the value of true")]
    [InlineData("""{"TableName":"tbl","Item":{"pk":{"S":"a"}},"ExpressionAttributeValues":{":v":{"S":"x"}}}""", "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null")]
    public void Put_validation(string input, string message) => Table().Invalid("PutItem", input, message);

    [Theory]
    [InlineData("""{"TableName":"tbl","Key":{"pk":{"S":"a"}}}""")]
    [InlineData("""{"TableName":"tbl","Key":{"pk":{"N":"1"},"sk":{"S":"a"}}}""")]
    [InlineData("""{"TableName":"tbl","Key":{"pk":{"S":"a"},"sk":{"S":"a"},"x":{"S":"a"}}}""")]
    public void Keys_must_match_the_schema(string input) =>
        Table("S").Invalid("GetItem", input, "The provided key element does not match the schema");

    [Fact]
    public void Unknown_table_is_not_found()
    {
        var e = Table().Fails("GetItem", """{"TableName":"nope","Key":{"pk":{"S":"a"}}}""");
        Assert.Equal("ResourceNotFoundException", e.Error.Code);
        Assert.Equal("Requested resource not found", e.Error.Message);
    }

    [Fact]
    public void Oversized_item_is_rejected()
    {
        var h = Table();
        var item = new JsonObject { ["pk"] = new JsonObject { ["S"] = "a" }, ["big"] = new JsonObject { ["S"] = new string('x', 400 * 1024) } };
        var e = h.Fails("PutItem", new JsonObject { ["TableName"] = "tbl", ["Item"] = item });
        Assert.Equal("Item size has exceeded the maximum allowed size", e.Error.Message);
    }

    [Fact]
    public void Condition_on_put_guards_creation()
    {
        var h = Table();
        const string once = """{"TableName":"tbl","Item":{"pk":{"S":"a"},"v":{"N":"1"}},"ConditionExpression":"attribute_not_exists(pk)"}""";
        h.Call("PutItem", once);
        var e = h.Fails("PutItem", once);
        Assert.Equal("ConditionalCheckFailedException", e.Error.Code);
        Assert.Equal("The conditional request failed", e.Error.Message);
        Assert.Null(e.Error.Fields);

        var withOld = h.Fails("PutItem", """
            {"TableName":"tbl","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_not_exists(pk)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}
            """);
        Assert.Equal("""{"pk":{"S":"a"},"v":{"N":"1"}}""", DynamoDbHarness.Json(withOld.Error.Fields!["Item"]));
    }

    [Fact]
    public void Condition_on_delete()
    {
        var h = Table();
        h.Put("tbl", """{"pk":{"S":"a"},"v":{"N":"1"}}""");
        var e = h.Fails("DeleteItem", """{"TableName":"tbl","Key":{"pk":{"S":"a"}},"ConditionExpression":"v > :v","ExpressionAttributeValues":{":v":{"N":"1"}}}""");
        Assert.Equal("ConditionalCheckFailedException", e.Error.Code);
        h.Call("DeleteItem", """{"TableName":"tbl","Key":{"pk":{"S":"a"}},"ConditionExpression":"v >= :v","ExpressionAttributeValues":{":v":{"N":"1"}}}""");
        Assert.Null(h.Get("tbl", """{"pk":{"S":"a"}}"""));
    }

    [Fact]
    public void Consumed_capacity_when_asked()
    {
        var h = Table();
        var put = h.Call("PutItem", """{"TableName":"tbl","Item":{"pk":{"S":"a"}},"ReturnConsumedCapacity":"TOTAL"}""");
        Assert.Equal("""{"TableName":"tbl","CapacityUnits":1}""", DynamoDbHarness.Json(put["ConsumedCapacity"]));
        var get = h.Call("GetItem", """{"TableName":"tbl","Key":{"pk":{"S":"a"}},"ReturnConsumedCapacity":"TOTAL"}""");
        Assert.Equal(0.5, (double)get["ConsumedCapacity"]!["CapacityUnits"]!);
    }
}
