using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.DynamoDb;

public sealed class BatchTransactionTests
{
    private readonly DynamoDbHarness _h = new();

    public BatchTransactionTests()
    {
        _h.CreateTable("one");
        _h.CreateTable("two", "N");
        _h.Put("one", """{"pk":{"S":"a"},"v":{"N":"1"}}""");
        _h.Put("one", """{"pk":{"S":"b"},"v":{"N":"2"}}""");
        _h.Put("two", """{"pk":{"S":"x"},"sk":{"N":"1"},"stock":{"N":"3"}}""");
    }

    [Fact]
    public void Batch_get_reads_several_tables()
    {
        var output = _h.Call("BatchGetItem", """
            {"RequestItems":{
              "one":{"Keys":[{"pk":{"S":"a"}},{"pk":{"S":"b"}},{"pk":{"S":"zzz"}}],"ProjectionExpression":"#v","ExpressionAttributeNames":{"#v":"v"}},
              "two":{"Keys":[{"pk":{"S":"x"},"sk":{"N":"1"}}],"ConsistentRead":true}}}
            """);
        var one = output["Responses"]!["one"]!.AsArray().Select(i => (string)i!["v"]!["N"]!).Order().ToArray();
        Assert.Equal(["1", "2"], one);
        Assert.Single(output["Responses"]!["two"]!.AsArray());
        Assert.Empty(output["UnprocessedKeys"]!.AsObject());
    }

    [Fact]
    public void Batch_get_errors()
    {
        _h.Invalid("BatchGetItem", """{"RequestItems":{"one":{"Keys":[{"pk":{"S":"a"}},{"pk":{"S":"a"}}]}}}""", "Provided list of item keys contains duplicates");
        var keys = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["pk"] = new JsonObject { ["S"] = $"k{i}" } })]);
        var e = _h.Fails("BatchGetItem", new JsonObject { ["RequestItems"] = new JsonObject { ["one"] = new JsonObject { ["Keys"] = keys } } });
        Assert.Equal("Too many items requested for the BatchGetItem call", e.Error.Message);
        Assert.Equal("ResourceNotFoundException", _h.Fails("BatchGetItem", """{"RequestItems":{"nope":{"Keys":[{"pk":{"S":"a"}}]}}}""").Error.Code);
    }

    [Fact]
    public void Batch_write_puts_and_deletes()
    {
        var output = _h.Call("BatchWriteItem", """
            {"RequestItems":{
              "one":[{"PutRequest":{"Item":{"pk":{"S":"c"},"v":{"N":"3"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"a"}}}}],
              "two":[{"PutRequest":{"Item":{"pk":{"S":"y"},"sk":{"N":"2"}}}}]}}
            """);
        Assert.Empty(output["UnprocessedItems"]!.AsObject());
        Assert.Null(_h.Get("one", """{"pk":{"S":"a"}}"""));
        Assert.NotNull(_h.Get("one", """{"pk":{"S":"c"}}"""));
        Assert.NotNull(_h.Get("two", """{"pk":{"S":"y"},"sk":{"N":"2"}}"""));
    }

    [Fact]
    public void Batch_write_and_transaction_keep_binary_values()
    {
        var blob = new JsonObject { ["B"] = Stratus.Protocols.NativeValues.Blob([1, 2, 3]) };
        _h.Call("BatchWriteItem", new JsonObject
        {
            ["RequestItems"] = new JsonObject
            {
                ["one"] = new JsonArray(new JsonObject
                {
                    ["PutRequest"] = new JsonObject { ["Item"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = "bin" }, ["b"] = blob } },
                }),
            },
        });
        Assert.Equal(new byte[] { 1, 2, 3 }, _h.Get("one", """{"pk":{"S":"bin"}}""")!["b"]!["B"]!.GetValue<byte[]>());
        var e = _h.Fails("TransactWriteItems", """
            {"TransactItems":[{"ConditionCheck":{"TableName":"one","Key":{"pk":{"S":"bin"}},"ConditionExpression":"attribute_not_exists(pk)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}}]}
            """);
        Assert.Equal(new byte[] { 1, 2, 3 }, e.Error.Fields!["CancellationReasons"]![0]!["Item"]!["b"]!["B"]!.GetValue<byte[]>());
    }

    [Fact]
    public void Batch_write_checks_everything_before_writing()
    {
        _h.Invalid("BatchWriteItem", """
            {"RequestItems":{"one":[{"PutRequest":{"Item":{"pk":{"S":"new"}}}},{"PutRequest":{"Item":{"nokey":{"S":"x"}}}}]}}
            """, "One or more parameter values were invalid: Missing the key pk in the item");
        Assert.Null(_h.Get("one", """{"pk":{"S":"new"}}"""));
        _h.Invalid("BatchWriteItem", """
            {"RequestItems":{"one":[{"PutRequest":{"Item":{"pk":{"S":"a"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"a"}}}}]}}
            """, "Provided list of item keys contains duplicates");
        var puts = new JsonArray([.. Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject
        {
            ["PutRequest"] = new JsonObject { ["Item"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = $"k{i}" } } },
        })]);
        var e = _h.Fails("BatchWriteItem", new JsonObject { ["RequestItems"] = new JsonObject { ["one"] = puts } });
        Assert.Equal("Too many items requested for the BatchWriteItem call", e.Error.Message);
    }

    [Fact]
    public void Transaction_applies_every_write()
    {
        _h.Call("TransactWriteItems", """
            {"TransactItems":[
              {"Put":{"TableName":"one","Item":{"pk":{"S":"c"},"v":{"N":"3"}},"ConditionExpression":"attribute_not_exists(pk)"}},
              {"Update":{"TableName":"two","Key":{"pk":{"S":"x"},"sk":{"N":"1"}},"UpdateExpression":"SET stock = stock - :one","ConditionExpression":"stock >= :one","ExpressionAttributeValues":{":one":{"N":"1"}}}},
              {"Delete":{"TableName":"one","Key":{"pk":{"S":"a"}}}},
              {"ConditionCheck":{"TableName":"one","Key":{"pk":{"S":"b"}},"ConditionExpression":"v = :two","ExpressionAttributeValues":{":two":{"N":"2"}}}}]}
            """);
        Assert.NotNull(_h.Get("one", """{"pk":{"S":"c"}}"""));
        Assert.Null(_h.Get("one", """{"pk":{"S":"a"}}"""));
        Assert.Equal("2", (string?)_h.Get("two", """{"pk":{"S":"x"},"sk":{"N":"1"}}""")!["stock"]!["N"]);
    }

    [Fact]
    public void Failed_condition_cancels_the_whole_transaction()
    {
        var e = _h.Fails("TransactWriteItems", """
            {"TransactItems":[
              {"Put":{"TableName":"one","Item":{"pk":{"S":"c"},"v":{"N":"3"}}}},
              {"Update":{"TableName":"two","Key":{"pk":{"S":"x"},"sk":{"N":"1"}},"UpdateExpression":"SET stock = stock - :n","ConditionExpression":"stock >= :n","ExpressionAttributeValues":{":n":{"N":"5"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},
              {"Delete":{"TableName":"one","Key":{"pk":{"S":"a"}}}},
              {"Update":{"TableName":"one","Key":{"pk":{"S":"b"}},"UpdateExpression":"ADD v :s","ExpressionAttributeValues":{":s":{"SS":["x"]}}}}]}
            """);
        Assert.Equal("TransactionCanceledException", e.Error.Code);
        Assert.Equal("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None, ValidationError]", e.Error.Message);
        var reasons = e.Error.Fields!["CancellationReasons"]!.AsArray();
        Assert.Equal(["None", "ConditionalCheckFailed", "None", "ValidationError"], reasons.Select(r => (string)r!["Code"]!).ToArray());
        Assert.Equal("3", (string?)reasons[1]!["Item"]!["stock"]!["N"]);
        Assert.Equal("An operand in the update expression has an incorrect data type", (string?)reasons[3]!["Message"]);

        Assert.Null(_h.Get("one", """{"pk":{"S":"c"}}"""));
        Assert.NotNull(_h.Get("one", """{"pk":{"S":"a"}}"""));
        Assert.Equal("3", (string?)_h.Get("two", """{"pk":{"S":"x"},"sk":{"N":"1"}}""")!["stock"]!["N"]);
    }

    [Fact]
    public void Transaction_request_errors_are_validation_errors()
    {
        _h.Invalid("TransactWriteItems", """
            {"TransactItems":[{"Put":{"TableName":"one","Item":{"pk":{"S":"a"}}}},{"Delete":{"TableName":"one","Key":{"pk":{"S":"a"}}}}]}
            """, "Transaction request cannot include multiple operations on one item");
        _h.Invalid("TransactWriteItems", """
            {"TransactItems":[{"Update":{"TableName":"one","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET v = "}}]}
            """, "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
        Assert.Equal("ResourceNotFoundException", _h.Fails("TransactWriteItems", """
            {"TransactItems":[{"Put":{"TableName":"nope","Item":{"pk":{"S":"a"}}}}]}
            """).Error.Code);
    }

    [Fact]
    public void Transact_get_returns_items_in_order()
    {
        var output = _h.Call("TransactGetItems", """
            {"TransactItems":[
              {"Get":{"TableName":"two","Key":{"pk":{"S":"x"},"sk":{"N":"1"}},"ProjectionExpression":"stock"}},
              {"Get":{"TableName":"one","Key":{"pk":{"S":"none"}}}},
              {"Get":{"TableName":"one","Key":{"pk":{"S":"b"}}}}]}
            """);
        var responses = output["Responses"]!.AsArray();
        Assert.Equal("""{"Item":{"stock":{"N":"3"}}}""", DynamoDbHarness.Json(responses[0]));
        Assert.Equal("{}", DynamoDbHarness.Json(responses[1]));
        Assert.Equal("2", (string?)responses[2]!["Item"]!["v"]!["N"]);
    }

    [Fact]
    public async Task Concurrent_increments_are_not_lost()
    {
        var model = DynamoDbHarness.Model.GetOperation("UpdateItem");
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var input = JsonNode.Parse("""{"TableName":"one","Key":{"pk":{"S":"counter"}},"UpdateExpression":"ADD hits :one","ExpressionAttributeValues":{":one":{"N":"1"}}}""")!.AsObject();
                await _h.Service.InvokeAsync(_h.Context(), model, input, CancellationToken.None);
            }
        }));
        await Task.WhenAll(tasks);
        Assert.Equal("200", (string?)_h.Get("one", """{"pk":{"S":"counter"}}""")!["hits"]!["N"]);
    }
}
