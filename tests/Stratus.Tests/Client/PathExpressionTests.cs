using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Tests.Client;

/// <summary>PathExpression against results computed by the reference JMESPath implementation (jmespath.py 1.0.1).</summary>
public sealed class PathExpressionTests
{
    private const string Document = """
        {"Reservations": [{"Instances": [{"State": {"Name": "running"}, "Id": "i-1"}, {"State": {"Name": "pending"}, "Id": "i-2"}]}, {"Instances": [{"State": {"Name": "running"}, "Id": "i-3"}]}], "Table": {"TableStatus": "ACTIVE", "Count": 3}, "services": [{"deployments": [1], "runningCount": 2, "desiredCount": 2, "status": "ACTIVE"}, {"deployments": [1, 2], "runningCount": 1, "desiredCount": 2, "status": "DRAINING"}], "VerificationAttributes": {"a.com": {"VerificationStatus": "Success"}, "b.com": {"VerificationStatus": "Pending"}}, "Dests": [{"S": "DISABLED"}, {"S": "ENABLE_FAILED"}], "Output": null, "Empty": [], "Text": "hello world", "nums": [3, 1, 2], "nested": [[1, 2], [3, [4]]], "status": "RUNNING", "foo.bar": 7, "flag": false}
        """;

    public static TheoryData<string, string> Cases => new()
    {
        { "Table.TableStatus", "\"ACTIVE\"" },
        { "Table.Missing", "null" },
        { "Reservations[].Instances[].State.Name", "[\"running\", \"pending\", \"running\"]" },
        { "Reservations[*].Instances[*].State.Name", "[[\"running\", \"pending\"], [\"running\"]]" },
        { "length(Reservations[]) > `0`", "true" },
        { "length(Reservations[].Instances[]) == `3`", "true" },
        { "Reservations[0].Instances[-1].Id", "\"i-2\"" },
        { "VerificationAttributes.*.VerificationStatus", "[\"Success\", \"Pending\"]" },
        { "length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`", "false" },
        { "services[?status == 'ACTIVE'].runningCount", "[2]" },
        { "length(Dests) > `0`  && length(Dests[?S == 'DISABLED' || S == 'ENABLE_FAILED']) ==  length(Dests)", "true" },
        { "length(Output || '') > `0`", "false" },
        { "status != 'CANCELLING' && status != 'CANCELLED'", "true" },
        { "contains(Reservations[].Instances[].State.Name, 'pending')", "true" },
        { "contains(Text, 'world')", "true" },
        { "nums[1:]", "[1, 2]" },
        { "nums[::-1]", "[2, 1, 3]" },
        { "nums[:2]", "[3, 1]" },
        { "nested[]", "[1, 2, 3, [4]]" },
        { "nested[][]", "[1, 2, 3, 4]" },
        { "\"foo.bar\"", "7" },
        { "Empty || 'x'", "\"x\"" },
        { "flag || `1`", "1" },
        { "max(nums)", "3" },
        { "min(nums)", "1" },
        { "sum(nums)", "6" },
        { "sort_by_missing || Table.Count", "3" },
        { "Table.{s: TableStatus, c: Count}", "{\"s\": \"ACTIVE\", \"c\": 3}" },
        { "[Table.TableStatus, status]", "[\"ACTIVE\", \"RUNNING\"]" },
        { "Reservations[].Instances[?State.Name=='running'].Id | [0]", "[\"i-1\"]" },
        { "Reservations[].Instances[?State.Name=='running'].Id[]", "[\"i-1\", \"i-3\"]" },
        { "keys(Table)", "[\"TableStatus\", \"Count\"]" },
        { "type(nums)", "\"array\"" },
        { "to_string(nums)", "\"[3,1,2]\"" },
        { "to_number('12')", "12" },
        { "starts_with(Text, 'hell')", "true" },
        { "not_null(Output, status)", "\"RUNNING\"" },
        { "join(', ', ['a','b'])", "\"a, b\"" },
        { "abs(`-3`)", "3" },
        { "nums[?@ > `1`]", "[3, 2]" },
        { "Table.Count >= `3`", "true" },
        { "Table.Count < `3`", "false" },
        { "`{\"a\": 1}`.a", "1" },
        { "@.status", "\"RUNNING\"" },
        { "length(Text)", "11" },
        { "Reservations[-1].Instances[0].State", "{\"Name\": \"running\"}" },
        { "!flag", "true" },
        { "Reservations[?Instances[?Id=='i-3']].Instances[].Id", "[\"i-3\"]" },
        { "*.TableStatus", "[\"ACTIVE\"]" },
        { "nested[*][0]", "[1, 3]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_reference_implementation(string expression, string expected)
    {
        var result = PathExpression.Search(JsonNode.Parse(Document), expression);
        Assert.Equal(expected.Replace(" ", "", StringComparison.Ordinal), (result?.ToJsonString() ?? "null").Replace(" ", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a.[")]
    [InlineData("a[?b")]
    [InlineData("sort_by(a, &b)")]
    [InlineData("nope(a)")]
    public void Rejects_bad_expressions(string expression) =>
        Assert.Throws<FormatException>(() => PathExpression.Search(new JsonObject(), expression));

    [Fact]
    public void Evaluate_treats_empty_as_absent()
    {
        var page = JsonNode.Parse("""{"NextToken": "", "Items": [], "Marker": "m"}""");
        Assert.Null(PathExpression.Evaluate(page, "NextToken"));
        Assert.Null(PathExpression.Evaluate(page, "Items"));
        Assert.Equal("m", PathExpression.Evaluate(page, "NextToken || Marker")!.GetValue<string>());
    }

    [Fact]
    public void Reads_native_values()
    {
        var when = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var doc = new JsonObject { ["When"] = Stratus.Protocols.NativeValues.Timestamp(when), ["N"] = 5 };
        Assert.True(PathExpression.Search(doc, "N > `4`")!.GetValue<bool>());
        Assert.Equal("string", PathExpression.Search(doc, "type(When)")!.GetValue<string>());
    }
}
