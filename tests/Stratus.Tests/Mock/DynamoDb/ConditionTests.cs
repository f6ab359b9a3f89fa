using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Mock.DynamoDb;

/// <summary>ConditionExpression semantics, checked through PutItem's condition on a stored item.</summary>
public sealed class ConditionTests
{
    private const string Item = """
        {"pk":{"S":"k"},"n":{"N":"10"},"neg":{"N":"-2.5"},"s":{"S":"apple"},"uni":{"S":"\uD83D\uDE00"},"t":{"BOOL":true},
         "l":{"L":[{"S":"x"},{"N":"7"}]},"m":{"M":{"a":{"L":[{"M":{"c":{"S":"deep"}}}]}}},
         "ss":{"SS":["red","blue"]},"ns":{"NS":["1","2"]},"nul":{"NULL":true}}
        """;

    private readonly DynamoDbHarness _h = new();

    public ConditionTests()
    {
        _h.CreateTable("tbl");
        _h.Put("tbl", Item);
        var binary = new JsonObject { ["pk"] = new JsonObject { ["S"] = "bin" }, ["b"] = new JsonObject { ["B"] = NativeValues.Blob([0x80, 0x01]) } };
        _h.Call("PutItem", new JsonObject { ["TableName"] = "tbl", ["Item"] = binary });
    }

    private bool Holds(string condition, string values = "{}", string? names = null, string key = "k")
    {
        var input = new JsonObject
        {
            ["TableName"] = "tbl",
            ["Key"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = key } },
            ["UpdateExpression"] = "SET touched = :touched",
            ["ConditionExpression"] = condition,
        };
        var v = JsonNode.Parse(values)!.AsObject();
        v[":touched"] = new JsonObject { ["BOOL"] = true };
        input["ExpressionAttributeValues"] = v;
        if (names is not null)
        {
            input["ExpressionAttributeNames"] = JsonNode.Parse(names);
        }
        try
        {
            _h.Call("UpdateItem", input);
            return true;
        }
        catch (Stratus.Testing.Mock.MockServiceException e) when (e.Error.Code == "ConditionalCheckFailedException")
        {
            return false;
        }
    }

    [Theory]
    [InlineData("n > :v", """{":v":{"N":"9"}}""", true)]
    [InlineData("n < :v", """{":v":{"N":"9"}}""", false)]
    [InlineData("n = :v", """{":v":{"N":"10.000"}}""", true)]
    [InlineData("n >= :v", """{":v":{"N":"1e1"}}""", true)]
    [InlineData("neg < :v", """{":v":{"N":"-2.4"}}""", true)]
    [InlineData("neg > :v", """{":v":{"N":"-3"}}""", true)]
    [InlineData("neg <= :v", """{":v":{"N":"-2.50"}}""", true)]
    [InlineData("n <> :v", """{":v":{"N":"10"}}""", false)]
    [InlineData("n = :v", """{":v":{"S":"10"}}""", false)]
    [InlineData("n <> :v", """{":v":{"S":"10"}}""", true)]
    [InlineData("n > :v", """{":v":{"S":"1"}}""", false)]
    [InlineData("s < :v", """{":v":{"S":"banana"}}""", true)]
    [InlineData("s > :v", """{":v":{"S":"Apple"}}""", true)]
    [InlineData("uni > :v", """{":v":{"S":"\uFFFD"}}""", true)]
    [InlineData("absent = :v", """{":v":{"S":"x"}}""", false)]
    [InlineData("absent <> :v", """{":v":{"S":"x"}}""", true)]
    [InlineData("absent < :v", """{":v":{"N":"1"}}""", false)]
    [InlineData("l = :v", """{":v":{"L":[{"S":"x"},{"N":"7.0"}]}}""", true)]
    [InlineData("ss = :v", """{":v":{"SS":["blue","red"]}}""", true)]
    [InlineData("t = :v", """{":v":{"BOOL":true}}""", true)]
    public void Comparisons(string condition, string values, bool expected) => Assert.Equal(expected, Holds(condition, values));

    [Theory]
    [InlineData("n BETWEEN :a AND :b", """{":a":{"N":"9"},":b":{"N":"10"}}""", true)]
    [InlineData("n BETWEEN :a AND :b", """{":a":{"N":"10.5"},":b":{"N":"11"}}""", false)]
    [InlineData("s BETWEEN :a AND :b", """{":a":{"S":"a"},":b":{"S":"b"}}""", true)]
    [InlineData("n IN (:a, :b)", """{":a":{"N":"1"},":b":{"N":"10"}}""", true)]
    [InlineData("n IN (:a, :b)", """{":a":{"N":"1"},":b":{"S":"10"}}""", false)]
    [InlineData("n = :a AND s = :b", """{":a":{"N":"10"},":b":{"S":"apple"}}""", true)]
    [InlineData("n = :a AND s = :b", """{":a":{"N":"10"},":b":{"S":"pear"}}""", false)]
    [InlineData("n = :a OR s = :b", """{":a":{"N":"11"},":b":{"S":"apple"}}""", true)]
    [InlineData("NOT n = :a", """{":a":{"N":"11"}}""", true)]
    [InlineData("NOT (n = :a OR s = :b)", """{":a":{"N":"11"},":b":{"S":"apple"}}""", false)]
    [InlineData("(n = :a OR s = :b) AND n = :a", """{":a":{"N":"11"},":b":{"S":"apple"}}""", false)]
    [InlineData("n = :a OR s = :b AND n = :a", """{":a":{"N":"10"},":b":{"S":"pear"}}""", true)]
    public void Between_in_and_logic(string condition, string values, bool expected) => Assert.Equal(expected, Holds(condition, values));

    [Theory]
    [InlineData("attribute_exists(s)", "{}", true)]
    [InlineData("attribute_exists(nope)", "{}", false)]
    [InlineData("attribute_not_exists(nope)", "{}", true)]
    [InlineData("attribute_exists(m.a[0].c)", "{}", true)]
    [InlineData("attribute_exists(m.a[1].c)", "{}", false)]
    [InlineData("m.a[0].c = :v", """{":v":{"S":"deep"}}""", true)]
    [InlineData("attribute_type(n, :t)", """{":t":{"S":"N"}}""", true)]
    [InlineData("attribute_type(nul, :t)", """{":t":{"S":"NULL"}}""", true)]
    [InlineData("attribute_type(ss, :t)", """{":t":{"S":"L"}}""", false)]
    [InlineData("begins_with(s, :v)", """{":v":{"S":"app"}}""", true)]
    [InlineData("begins_with(s, :v)", """{":v":{"S":"pp"}}""", false)]
    [InlineData("contains(s, :v)", """{":v":{"S":"ppl"}}""", true)]
    [InlineData("contains(ss, :v)", """{":v":{"S":"red"}}""", true)]
    [InlineData("contains(ns, :v)", """{":v":{"N":"2.0"}}""", true)]
    [InlineData("contains(l, :v)", """{":v":{"N":"7"}}""", true)]
    [InlineData("contains(l, :v)", """{":v":{"S":"y"}}""", false)]
    [InlineData("size(s) = :v", """{":v":{"N":"5"}}""", true)]
    [InlineData("size(l) = :v", """{":v":{"N":"2"}}""", true)]
    [InlineData("size(m) = :v", """{":v":{"N":"1"}}""", true)]
    [InlineData("size(ss) > :v", """{":v":{"N":"1"}}""", true)]
    [InlineData("size(n) = :v", """{":v":{"N":"2"}}""", false)]
    [InlineData("size(nope) < :v", """{":v":{"N":"1"}}""", false)]
    [InlineData("#s = :v", """{":v":{"S":"apple"}}""", true)]
    public void Functions_and_paths(string condition, string values, bool expected) =>
        Assert.Equal(expected, Holds(condition, values, condition.Contains('#', StringComparison.Ordinal) ? """{"#s":"s"}""" : null));

    [Fact]
    public void Binary_compares_bytewise_unsigned()
    {
        var values = new JsonObject
        {
            [":low"] = new JsonObject { ["B"] = NativeValues.Blob([0x7f, 0xff]) },
            [":prefix"] = new JsonObject { ["B"] = NativeValues.Blob([0x80]) },
            [":touched"] = new JsonObject { ["BOOL"] = true },
        };
        _h.Call("UpdateItem", new JsonObject
        {
            ["TableName"] = "tbl",
            ["Key"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = "bin" } },
            ["UpdateExpression"] = "SET touched = :touched",
            ["ConditionExpression"] = "b > :low AND begins_with(b, :prefix) AND contains(b, :prefix)",
            ["ExpressionAttributeValues"] = values,
        });
    }

    [Fact]
    public void Condition_on_a_missing_item_sees_no_attributes()
    {
        Assert.True(Holds("attribute_not_exists(pk)", key: "new"));
        Assert.False(Holds("attribute_exists(pk)", key: "other"));
    }
}
