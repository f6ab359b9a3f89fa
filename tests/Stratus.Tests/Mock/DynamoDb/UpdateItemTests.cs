using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.DynamoDb;

public sealed class UpdateItemTests
{
    private readonly DynamoDbHarness _h = new();

    public UpdateItemTests()
    {
        _h.CreateTable("tbl", "N");
        _h.Put("tbl", """
            {"pk":{"S":"a"},"sk":{"N":"1"},"count":{"N":"5"},"name":{"S":"old"},"tags":{"SS":["x","y"]},"nums":{"NS":["1"]},
             "lst":{"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"N":"3"}]},"doc":{"M":{"inr":{"M":{"v":{"N":"1"}}},"keep":{"S":"k"}}}}
            """);
    }

    private JsonObject Update(string expression, string values = "{}", string returnValues = "ALL_NEW", string? names = null)
    {
        var input = new JsonObject
        {
            ["TableName"] = "tbl",
            ["Key"] = JsonNode.Parse("""{"pk":{"S":"a"},"sk":{"N":"1"}}"""),
            ["UpdateExpression"] = expression,
            ["ReturnValues"] = returnValues,
        };
        if (values != "{}")
        {
            input["ExpressionAttributeValues"] = JsonNode.Parse(values);
        }
        if (names is not null)
        {
            input["ExpressionAttributeNames"] = JsonNode.Parse(names);
        }
        return _h.Call("UpdateItem", input);
    }

    private JsonNode Stored => _h.Get("tbl", """{"pk":{"S":"a"},"sk":{"N":"1"}}""")!;

    [Fact]
    public void Set_arithmetic_and_functions()
    {
        var result = Update(
            "SET #c = #c + :one, amount = :ten - :one, created = if_not_exists(created, :now), #n = if_not_exists(#n, :now), lst = list_append(lst, :more), fresh = list_append(:more, :more)",
            """{":one":{"N":"1"},":ten":{"N":"10.5"},":now":{"S":"today"},":more":{"L":[{"N":"9"}]}}""",
            names: """{"#c":"count","#n":"name"}""")["Attributes"]!;
        Assert.Equal("6", (string?)result["count"]!["N"]);
        Assert.Equal("9.5", (string?)result["amount"]!["N"]);
        Assert.Equal("today", (string?)result["created"]!["S"]);
        Assert.Equal("old", (string?)result["name"]!["S"]);
        Assert.Equal(5, result["lst"]!["L"]!.AsArray().Count);
        Assert.Equal("""{"L":[{"N":"9"},{"N":"9"}]}""", DynamoDbHarness.Json(result["fresh"]));
    }

    [Fact]
    public void Set_nested_paths_and_list_elements()
    {
        Update("SET doc.inr.v = :v, doc.added = :v, lst[1] = :v, lst[10] = :v", """{":v":{"S":"new"}}""");
        var item = Stored;
        Assert.Equal("new", (string?)item["doc"]!["M"]!["inr"]!["M"]!["v"]!["S"]);
        Assert.Equal("new", (string?)item["doc"]!["M"]!["added"]!["S"]);
        var lst = item["lst"]!["L"]!.AsArray();
        Assert.Equal("new", (string?)lst[1]!["S"]);
        Assert.Equal(5, lst.Count);
        Assert.Equal("new", (string?)lst[4]!["S"]);
    }

    [Fact]
    public void Remove_attributes_and_list_elements_by_original_index()
    {
        Update("REMOVE #n, lst[0], lst[2], doc.inr, nothing.here", names: """{"#n":"name"}""");
        var item = Stored.AsObject();
        Assert.False(item.ContainsKey("name"));
        Assert.Equal("""{"L":[{"N":"1"},{"N":"3"}]}""", DynamoDbHarness.Json(item["lst"]));
        Assert.Equal("""{"M":{"keep":{"S":"k"}}}""", DynamoDbHarness.Json(item["doc"]));
    }

    [Fact]
    public void Add_numbers_and_sets_delete_from_sets()
    {
        Update("ADD #c :n, newCount :n, tags :tags, nums :nums, newSet :tags DELETE gone :nope",
            """{":n":{"N":"-7"},":tags":{"SS":["y","z"]},":nums":{"NS":["2"]},":nope":{"SS":["q"]}}""", names: """{"#c":"count"}""");
        var item = Stored;
        Assert.Equal("-2", (string?)item["count"]!["N"]);
        Assert.Equal("-7", (string?)item["newCount"]!["N"]);
        Assert.Equal("""{"SS":["x","y","z"]}""", DynamoDbHarness.Json(item["tags"]));
        Assert.Equal("""{"NS":["1","2"]}""", DynamoDbHarness.Json(item["nums"]));
        Assert.Equal("""{"SS":["y","z"]}""", DynamoDbHarness.Json(item["newSet"]));

        Update("DELETE tags :t", """{":t":{"SS":["x","z"]}}""");
        Assert.Equal("""{"SS":["y"]}""", DynamoDbHarness.Json(Stored["tags"]));
        Update("DELETE tags :t", """{":t":{"SS":["y"]}}""");
        Assert.False(Stored.AsObject().ContainsKey("tags"));
    }

    [Fact]
    public void Return_values()
    {
        const string values = """{":v":{"S":"newer"}}""";
        Assert.Equal("""{"name":{"S":"old"}}""", DynamoDbHarness.Json(Update("SET #n = :v", values, "UPDATED_OLD", """{"#n":"name"}""")["Attributes"]));
        Assert.Equal("""{"name":{"S":"newer"}}""", DynamoDbHarness.Json(Update("SET #n = :v", values, "UPDATED_NEW", """{"#n":"name"}""")["Attributes"]));
        Assert.Equal("""{"doc":{"M":{"inr":{"M":{"v":{"N":"1"}}}}}}""", DynamoDbHarness.Json(Update("SET doc.inr.v = :v", values, "UPDATED_OLD")["Attributes"]));
        Assert.Equal("newer", (string?)Update("SET x = :v", values, "ALL_NEW")["Attributes"]!["x"]!["S"]);
        Assert.Equal("newer", (string?)Update("SET #n = :v", """{":v":{"S":"x"}}""", "ALL_OLD", """{"#n":"name"}""")["Attributes"]!["name"]!["S"]);
        Assert.Null(Update("SET y = :v", values, "NONE")["Attributes"]);
    }

    [Fact]
    public void Update_creates_a_missing_item_from_its_key()
    {
        var created = _h.Call("UpdateItem", """
            {"TableName":"tbl","Key":{"pk":{"S":"new"},"sk":{"N":"2"}},"UpdateExpression":"ADD visits :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"ALL_NEW"}
            """)["Attributes"]!;
        Assert.Equal("""{"pk":{"S":"new"},"sk":{"N":"2"},"visits":{"N":"1"}}""", DynamoDbHarness.Json(created));
        var old = _h.Call("UpdateItem", """
            {"TableName":"tbl","Key":{"pk":{"S":"new2"},"sk":{"N":"2"}},"UpdateExpression":"SET a = :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"UPDATED_OLD"}
            """);
        Assert.Null(old["Attributes"]);
    }

    [Fact]
    public void Condition_failure_leaves_the_item_alone()
    {
        var e = _h.Fails("UpdateItem", """
            {"TableName":"tbl","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"UpdateExpression":"SET #c = :z","ConditionExpression":"#c > :z",
             "ExpressionAttributeNames":{"#c":"count"},"ExpressionAttributeValues":{":z":{"N":"100"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}
            """);
        Assert.Equal("ConditionalCheckFailedException", e.Error.Code);
        Assert.Equal("5", (string?)e.Error.Fields!["Item"]!["count"]!["N"]);
        Assert.Equal("5", (string?)Stored["count"]!["N"]);
    }

    [Theory]
    [InlineData("SET sk = :v", """{":v":{"N":"2"}}""", "One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key")]
    [InlineData("SET #n = #n + :v", """{":v":{"N":"2"}}""", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET x = nothing + :v", """{":v":{"N":"2"}}""", "The provided expression refers to an attribute that does not exist in the item")]
    [InlineData("SET nothing.deeper = :v", """{":v":{"N":"2"}}""", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET #n[0] = :v", """{":v":{"N":"2"}}""", "The document path provided in the update expression is invalid for update")]
    [InlineData("ADD #n :v", """{":v":{"N":"2"}}""", "An operand in the update expression has an incorrect data type")]
    [InlineData("ADD tags :v", """{":v":{"NS":["2"]}}""", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET lst = list_append(lst, :v)", """{":v":{"S":"2"}}""", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET x = :v + :w", """{":v":{"N":"99999999999999999999999999999999999999"},":w":{"N":"0.1"}}""", "Attempting to store more than 38 significant digits in a Number")]
    [InlineData("SET x = :v", """{":v":{"N":"1"},":unused":{"N":"1"}}""", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}")]
    public void Update_errors(string expression, string values, string message)
    {
        var e = Assert.Throws<Stratus.Testing.Mock.MockServiceException>(() => Update(expression, values, names: expression.Contains("#n", StringComparison.Ordinal) ? """{"#n":"name"}""" : null));
        Assert.Equal("ValidationException", e.Error.Code);
        Assert.Equal(message, e.Error.Message);
        Assert.Equal("5", (string?)Stored["count"]!["N"]);
    }
}
