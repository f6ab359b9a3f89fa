using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.DynamoDb;

public sealed class QueryScanTests
{
    private const string CreateIndexed = """
        {"TableName":"tbl","BillingMode":"PAY_PER_REQUEST",
         "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},
            {"AttributeName":"g","AttributeType":"S"},{"AttributeName":"gs","AttributeType":"N"},{"AttributeName":"ls","AttributeType":"S"}],
         "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
         "GlobalSecondaryIndexes":[
            {"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"},{"AttributeName":"gs","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}},
            {"IndexName":"byGAll","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}],
         "LocalSecondaryIndexes":[
            {"IndexName":"byLs","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"ls","KeyType":"RANGE"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["extra"]}}]}
        """;

    private readonly DynamoDbHarness _h = new();

    public QueryScanTests()
    {
        _h.Call("CreateTable", CreateIndexed);
        // Sort keys chosen to trip a string comparison: 10 > 9, negatives, decimals.
        foreach (var sk in new[] { "9", "10", "-1", "2.5", "-10", "0", "100", "2.25" })
        {
            _h.Put("tbl", $$$"""{"pk":{"S":"p"},"sk":{"N":"{{{sk}}}"},"extra":{"S":"e{{{sk}}}"},"other":{"S":"o"},"ls":{"S":"l{{{sk}}}"}}""");
        }
        for (var i = 0; i < 6; i++)
        {
            _h.Put("tbl", $$$"""{"pk":{"S":"q{{{i}}}"},"sk":{"N":"{{{i}}}"},"g":{"S":"{{{(i % 2 == 0 ? "even" : "odd")}}}"},"gs":{"N":"{{{10 - i}}}"},"flag":{"BOOL":{{{(i > 2 ? "true" : "false")}}}}}""");
        }
    }

    private static string[] Sorts(JsonObject output) =>
        output["Items"]!.AsArray().Select(i => (string)i!["sk"]!["N"]!).ToArray();

    private JsonObject Query(string extra = "", string condition = "pk = :p", string values = """{":p":{"S":"p"}}""") =>
        _h.Call("Query", $$$"""{"TableName":"tbl","KeyConditionExpression":"{{{condition}}}","ExpressionAttributeValues":{{{values}}}{{{extra}}}}""");

    [Fact]
    public void Query_orders_numbers_numerically_both_ways()
    {
        Assert.Equal(["-10", "-1", "0", "2.25", "2.5", "9", "10", "100"], Sorts(Query()));
        Assert.Equal(["100", "10", "9", "2.5", "2.25", "0", "-1", "-10"], Sorts(Query(""","ScanIndexForward":false""")));
    }

    [Theory]
    [InlineData("pk = :p AND sk = :a", """{":p":{"S":"p"},":a":{"N":"2.50"}}""", new[] { "2.5" })]
    [InlineData("pk = :p AND sk < :a", """{":p":{"S":"p"},":a":{"N":"0"}}""", new[] { "-10", "-1" })]
    [InlineData("pk = :p AND sk <= :a", """{":p":{"S":"p"},":a":{"N":"0"}}""", new[] { "-10", "-1", "0" })]
    [InlineData("pk = :p AND sk > :a", """{":p":{"S":"p"},":a":{"N":"9"}}""", new[] { "10", "100" })]
    [InlineData("pk = :p AND sk >= :a", """{":p":{"S":"p"},":a":{"N":"9"}}""", new[] { "9", "10", "100" })]
    [InlineData("pk = :p AND sk BETWEEN :a AND :b", """{":p":{"S":"p"},":a":{"N":"-1"},":b":{"N":"2.4"}}""", new[] { "-1", "0", "2.25" })]
    [InlineData("sk > :a AND pk = :p", """{":p":{"S":"p"},":a":{"N":"99"}}""", new[] { "100" })]
    [InlineData(":a < sk AND pk = :p", """{":p":{"S":"p"},":a":{"N":"99"}}""", new[] { "100" })]
    [InlineData("(pk = :p) AND (sk = :a)", """{":p":{"S":"p"},":a":{"N":"0"}}""", new[] { "0" })]
    public void Key_conditions(string condition, string values, string[] expected) => Assert.Equal(expected, Sorts(Query(condition: condition, values: values)));

    [Fact]
    public void Begins_with_on_a_string_sort_key_through_the_local_index()
    {
        var output = _h.Call("Query", """
            {"TableName":"tbl","IndexName":"byLs","KeyConditionExpression":"pk = :p AND begins_with(ls, :pre)","ExpressionAttributeValues":{":p":{"S":"p"},":pre":{"S":"l1"}}}
            """);
        // Local index order is by ls as a string: "l10" < "l100".
        Assert.Equal(["10", "100"], Sorts(output));
        var first = output["Items"]![0]!.AsObject();
        Assert.Equal(["extra", "ls", "pk", "sk"], first.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.False(first.ContainsKey("other"));
        var all = _h.Call("Query", """
            {"TableName":"tbl","IndexName":"byLs","Select":"ALL_ATTRIBUTES","KeyConditionExpression":"pk = :p AND begins_with(ls, :pre)","ExpressionAttributeValues":{":p":{"S":"p"},":pre":{"S":"l1"}}}
            """);
        Assert.True(all["Items"]![0]!.AsObject().ContainsKey("other"));
    }

    [Fact]
    public void Query_global_index_with_projection_and_order()
    {
        var output = _h.Call("Query", """{"TableName":"tbl","IndexName":"byG","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"even"}}}""");
        Assert.Equal(3, (int)output["Count"]!);
        // Ordered by the index sort key gs (10 - i): q4, q2, q0; KEYS_ONLY keeps table and index keys.
        Assert.Equal(["4", "2", "0"], Sorts(output));
        Assert.Equal(["g", "gs", "pk", "sk"], output["Items"]![0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        _h.Invalid("Query", """{"TableName":"tbl","IndexName":"byG","Select":"ALL_ATTRIBUTES","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"even"}}}""",
            "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byG because its projection type is not ALL");
        _h.Invalid("Query", """{"TableName":"tbl","IndexName":"byG","ConsistentRead":true,"KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"even"}}}""",
            "Consistent reads are not supported on global secondary indexes");
    }

    [Fact]
    public void Query_pages_with_limit_and_exclusive_start_key()
    {
        var seen = new List<string>();
        JsonNode? start = null;
        var pages = 0;
        do
        {
            var extra = ""","Limit":3""" + (start is null ? "" : ""","ExclusiveStartKey":""" + start.ToJsonString());
            var page = Query(extra);
            seen.AddRange(Sorts(page));
            start = page["LastEvaluatedKey"];
            pages++;
        }
        while (start is not null);
        Assert.Equal(["-10", "-1", "0", "2.25", "2.5", "9", "10", "100"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public void Limit_counts_items_read_before_the_filter()
    {
        var page = Query(",\"Limit\":4,\"FilterExpression\":\"extra <> :x\"", values: """{":p":{"S":"p"},":x":{"S":"e-1"}}""");
        Assert.Equal(3, (int)page["Count"]!);
        Assert.Equal(4, (int)page["ScannedCount"]!);
        Assert.Equal("""{"pk":{"S":"p"},"sk":{"N":"2.25"}}""", DynamoDbHarness.Json(page["LastEvaluatedKey"]));
        // A page that ends exactly at its limit still says where it stopped, as DynamoDB does.
        var exact = Query(""","Limit":8""");
        Assert.NotNull(exact["LastEvaluatedKey"]);
        var after = Query(""","ExclusiveStartKey":""" + exact["LastEvaluatedKey"]!.ToJsonString());
        Assert.Equal(0, (int)after["Count"]!);
        Assert.Null(after["LastEvaluatedKey"]);
    }

    [Fact]
    public void Query_reverse_pagination_and_index_pagination()
    {
        var first = Query(""","Limit":2,"ScanIndexForward":false""");
        Assert.Equal(["100", "10"], Sorts(first));
        var second = Query(""","Limit":2,"ScanIndexForward":false,"ExclusiveStartKey":""" + first["LastEvaluatedKey"]!.ToJsonString());
        Assert.Equal(["9", "2.5"], Sorts(second));

        var index = _h.Call("Query", """{"TableName":"tbl","IndexName":"byG","Limit":2,"KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"odd"}}}""");
        var key = index["LastEvaluatedKey"]!.AsObject();
        Assert.Equal(["g", "gs", "pk", "sk"], key.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        var rest = _h.Call("Query", $$$"""{"TableName":"tbl","IndexName":"byG","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"odd"}},"ExclusiveStartKey":{{{key.ToJsonString()}}}}""");
        Assert.Equal(["5", "3", "1"], Sorts(index).Concat(Sorts(rest)).ToArray());
    }

    [Fact]
    public void Select_count_and_projection()
    {
        // Strings compare bytewise: "e2.25", "e2.5" and "e9" sort after "e2"; "e10" and "e-1" before.
        var count = Query(",\"Select\":\"COUNT\",\"FilterExpression\":\"extra > :z\"", values: """{":p":{"S":"p"},":z":{"S":"e2"}}""");
        Assert.Null(count["Items"]);
        Assert.Equal(3, (int)count["Count"]!);
        Assert.Equal(8, (int)count["ScannedCount"]!);
        var projected = Query(""","ProjectionExpression":"sk, extra","Limit":1""");
        Assert.Equal("""{"sk":{"N":"-10"},"extra":{"S":"e-10"}}""", DynamoDbHarness.Json(projected["Items"]![0]));
    }

    [Theory]
    [InlineData("sk = :a", """{":a":{"N":"1"}}""", "Query condition missed key schema element: pk")]
    [InlineData("pk = :p OR sk = :a", """{":p":{"S":"p"},":a":{"N":"1"}}""", "Invalid operator used in KeyConditionExpression: OR")]
    [InlineData("pk < :p", """{":p":{"S":"p"}}""", "Query key condition not supported")]
    [InlineData("pk = :p AND sk = :a AND sk = :a", """{":p":{"S":"p"},":a":{"N":"1"}}""", "KeyConditionExpressions must only contain one condition per key")]
    [InlineData("pk = :p AND sk = :a", """{":p":{"S":"p"},":a":{"S":"1"}}""", "One or more parameter values were invalid: Condition parameter type does not match schema type")]
    [InlineData("pk = :p AND begins_with(sk, :a)", """{":p":{"S":"p"},":a":{"S":"1"}}""", "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")]
    [InlineData("pk = :p AND attribute_exists(sk)", """{":p":{"S":"p"}}""", "Invalid operator used in KeyConditionExpression: attribute_exists")]
    [InlineData("pk = :p AND sk = ", """{":p":{"S":"p"}}""", "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"")]
    public void Key_condition_errors(string condition, string values, string message) =>
        _h.Invalid("Query", $$$"""{"TableName":"tbl","KeyConditionExpression":"{{{condition.Replace("\"", "\\\"", StringComparison.Ordinal)}}}","ExpressionAttributeValues":{{{values}}}}""", message);

    [Fact]
    public void Query_filter_may_not_test_key_attributes() =>
        _h.Invalid("Query", """{"TableName":"tbl","KeyConditionExpression":"pk = :p","FilterExpression":"sk > :p","ExpressionAttributeValues":{":p":{"S":"p"}}}""",
            "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");

    [Fact]
    public void Scan_filters_and_pages_through_everything()
    {
        var all = _h.Call("Scan", """{"TableName":"tbl"}""");
        Assert.Equal(14, (int)all["Count"]!);
        Assert.Null(all["LastEvaluatedKey"]);
        var order = all["Items"]!.AsArray().Select(i => DynamoDbHarness.Json(i!["pk"]) + DynamoDbHarness.Json(i["sk"])).ToList();

        var paged = new List<string>();
        JsonNode? start = null;
        do
        {
            var page = _h.Call("Scan", """{"TableName":"tbl","Limit":4""" + (start is null ? "}" : ""","ExclusiveStartKey":""" + start.ToJsonString() + "}"));
            paged.AddRange(page["Items"]!.AsArray().Select(i => DynamoDbHarness.Json(i!["pk"]) + DynamoDbHarness.Json(i["sk"])));
            start = page["LastEvaluatedKey"];
        }
        while (start is not null);
        Assert.Equal(order, paged);

        var filtered = _h.Call("Scan", """{"TableName":"tbl","FilterExpression":"flag = :t AND attribute_exists(g)","ExpressionAttributeValues":{":t":{"BOOL":true}}}""");
        Assert.Equal(3, (int)filtered["Count"]!);
        Assert.Equal(14, (int)filtered["ScannedCount"]!);
    }

    [Fact]
    public void Parallel_scan_segments_partition_the_table()
    {
        var keys = new List<string>();
        for (var segment = 0; segment < 3; segment++)
        {
            var page = _h.Call("Scan", $$"""{"TableName":"tbl","Segment":{{segment}},"TotalSegments":3}""");
            keys.AddRange(page["Items"]!.AsArray().Select(i => DynamoDbHarness.Json(i!["pk"]) + DynamoDbHarness.Json(i["sk"])));
        }
        Assert.Equal(14, keys.Count);
        Assert.Equal(14, keys.Distinct().Count());
        _h.Invalid("Scan", """{"TableName":"tbl","Segment":3,"TotalSegments":3}""",
            "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3");
        _h.Invalid("Scan", """{"TableName":"tbl","Segment":1}""",
            "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
    }

    [Fact]
    public void Scan_a_global_index()
    {
        var scan = _h.Call("Scan", """{"TableName":"tbl","IndexName":"byGAll"}""");
        Assert.Equal(6, (int)scan["Count"]!);
        Assert.True(scan["Items"]![0]!.AsObject().ContainsKey("flag"));
        var page = _h.Call("Scan", """{"TableName":"tbl","IndexName":"byGAll","Limit":5}""");
        var rest = _h.Call("Scan", """{"TableName":"tbl","IndexName":"byGAll","ExclusiveStartKey":""" + page["LastEvaluatedKey"]!.ToJsonString() + "}");
        Assert.Equal(1, (int)rest["Count"]!);
    }

    [Fact]
    public void Binary_sort_keys_order_bytewise()
    {
        var h = new DynamoDbHarness();
        h.CreateTable("bin", "B");
        foreach (var bytes in new byte[][] { [0x80], [0x01, 0xff], [0x01], [0x7f], [0xff, 0x00] })
        {
            h.Call("PutItem", new JsonObject
            {
                ["TableName"] = "bin",
                ["Item"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = "x" }, ["sk"] = new JsonObject { ["B"] = Stratus.Protocols.NativeValues.Blob(bytes) } },
            });
        }
        var items = h.Call("Query", """{"TableName":"bin","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"x"}}}""")["Items"]!.AsArray();
        var order = items.Select(i => Convert.ToHexString(i!["sk"]!["B"]!.GetValue<byte[]>())).ToArray();
        Assert.Equal(["01", "01FF", "7F", "80", "FF00"], order);
    }

    [Fact]
    public void Numbers_as_partition_keys_match_by_value()
    {
        var h = new DynamoDbHarness();
        h.CreateTable("num", hashType: "N");
        h.Put("num", """{"pk":{"N":"1.0"},"v":{"S":"one"}}""");
        Assert.Equal("one", (string?)h.Get("num", """{"pk":{"N":"1"}}""")!["v"]!["S"]);
        var q = h.Call("Query", """{"TableName":"num","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"N":"01"}}}""");
        Assert.Equal(1, (int)q["Count"]!);
        Assert.Equal("1", (string?)q["Items"]![0]!["pk"]!["N"]);
    }
}
