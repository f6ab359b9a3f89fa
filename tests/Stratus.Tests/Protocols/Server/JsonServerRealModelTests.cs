using System.Text;
using System.Text.Json.Nodes;
using Stratus.Conformance;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>The json server protocol on the bundled DynamoDB, SQS and Kinesis models, against the client side.</summary>
public sealed class JsonServerRealModelTests
{
    private static readonly ServiceModel DynamoDb = ModelLoader.Default.LoadService("dynamodb");
    private static readonly ServiceModel Sqs = ModelLoader.Default.LoadService("sqs");
    private static readonly ServiceModel Kinesis = ModelLoader.Default.LoadService("kinesis");

    [Fact]
    public void DynamoDbPutItemParsesBack() => AssertRoundTrip(DynamoDb, "PutItem", new JsonObject
    {
        ["TableName"] = "users",
        ["Item"] = new JsonObject
        {
            ["pk"] = new JsonObject { ["S"] = "user#1" },
            ["age"] = new JsonObject { ["N"] = "42" },
            ["avatar"] = new JsonObject { ["B"] = NativeValues.Blob([0, 1, 2, 255]) },
            ["tags"] = new JsonObject { ["SS"] = new JsonArray("a", "b") },
            ["active"] = new JsonObject { ["BOOL"] = true },
            ["nested"] = new JsonObject { ["M"] = new JsonObject { ["x"] = new JsonObject { ["NULL"] = true } } },
        },
        ["ConditionExpression"] = "attribute_not_exists(pk)",
        ["ReturnValues"] = "ALL_OLD",
    });

    [Fact]
    public void SqsSendMessageParsesBack() => AssertRoundTrip(Sqs, "SendMessage", new JsonObject
    {
        ["QueueUrl"] = "https://sqs.us-east-1.amazonaws.com/123456789012/q",
        ["MessageBody"] = "hello \u00e9",
        ["DelaySeconds"] = 5,
        ["MessageAttributes"] = new JsonObject
        {
            ["bin"] = new JsonObject { ["DataType"] = "Binary", ["BinaryValue"] = NativeValues.Blob([9, 8, 7]) },
            ["str"] = new JsonObject { ["DataType"] = "String", ["StringValue"] = "v" },
        },
    });

    [Fact]
    public void KinesisPutRecordParsesBack() => AssertRoundTrip(Kinesis, "PutRecord", new JsonObject
    {
        ["StreamName"] = "events",
        ["Data"] = NativeValues.Blob(Encoding.UTF8.GetBytes("{\"k\":1}")),
        ["PartitionKey"] = "p1",
    });

    [Fact]
    public void KinesisGetRecordsOutputParsesBackOnTheClient()
    {
        var operation = Kinesis.GetOperation("GetRecords");
        var output = new JsonObject
        {
            ["Records"] = new JsonArray(new JsonObject
            {
                ["SequenceNumber"] = "1",
                ["ApproximateArrivalTimestamp"] = NativeValues.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)),
                ["Data"] = NativeValues.Blob([1, 2, 3]),
                ["PartitionKey"] = "p1",
            }),
            ["NextShardIterator"] = "it",
            ["MillisBehindLatest"] = 0,
        };

        var response = Server(Kinesis).SerializeResponse(operation, output);
        var parsed = ProtocolRegistry.For(Kinesis).ParseResponse(operation, WireRequests.ToRaw(response, streams: false));

        Assert.Equal("application/x-amz-json-1.1", response.Headers["Content-Type"]);
        Assert.NotNull(parsed["ResponseMetadata"]?["RequestId"]);
        parsed.Remove("ResponseMetadata");
        AssertSame(output, parsed);
    }

    [Fact]
    public void DynamoDbErrorParsesOnTheClientIntoCodeAndMessage()
    {
        var operation = DynamoDb.GetOperation("GetItem");

        var response = Server(DynamoDb).SerializeError(DynamoDb, operation, new ServiceError("ResourceNotFoundException", "Requested resource not found", 400));
        var error = ProtocolRegistry.For(DynamoDb).ParseError(operation, WireRequests.ToRaw(response, streams: false));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", response.Headers["Content-Type"]);
        Assert.True(response.Headers.ContainsKey("x-amzn-RequestId"));
        var body = JsonNode.Parse(response.Body.Span)!;
        Assert.Equal("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", body["__type"]!.GetValue<string>());
        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Equal("Requested resource not found", error.Message);
        Assert.Equal("ResourceNotFoundException", error.Shape?.Name);
    }

    [Fact]
    public void UnmodeledErrorKeepsItsCodeAndStatus()
    {
        var response = Server(DynamoDb).SerializeError(DynamoDb, null, new ServiceError("ValidationException", "bad", 400));
        var error = ProtocolRegistry.For(DynamoDb).ParseError(DynamoDb.GetOperation("PutItem"), WireRequests.ToRaw(response, streams: false));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("ValidationException", error.Code);
        Assert.Equal("bad", error.Message);
    }

    [Theory]
    [InlineData("QueueDoesNotExist")]
    [InlineData("AWS.SimpleQueueService.NonExistentQueue")]
    public void SqsErrorCarriesTheQueryCodeHeader(string code)
    {
        var operation = Sqs.GetOperation("GetQueueUrl");

        var response = Server(Sqs).SerializeError(Sqs, operation, new ServiceError(code, "The specified queue does not exist.", 400));
        var error = ProtocolRegistry.For(Sqs).ParseError(operation, WireRequests.ToRaw(response, streams: false));

        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue;Sender", response.Headers["x-amzn-query-error"]);
        Assert.Equal("com.amazonaws.sqs#QueueDoesNotExist", JsonNode.Parse(response.Body.Span)!["__type"]!.GetValue<string>());
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.Code);
        Assert.Equal("The specified queue does not exist.", error.Message);
        Assert.Equal("QueueDoesNotExist", error.Shape?.Name);
    }

    [Fact]
    public void KinesisErrorTypeIsTheBareName()
    {
        var response = Server(Kinesis).SerializeError(Kinesis, null, new ServiceError("ResourceNotFoundException", "Stream events not found.", 400));

        Assert.Equal("ResourceNotFoundException", JsonNode.Parse(response.Body.Span)!["__type"]!.GetValue<string>());
        Assert.Equal("Stream events not found.", JsonNode.Parse(response.Body.Span)!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"TableName\": ")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void MalformedBodyIsASerializationException(string body)
    {
        var request = new ServerRequest
        {
            Method = "POST",
            Headers = new(StringComparer.OrdinalIgnoreCase) { ["X-Amz-Target"] = "DynamoDB_20120810.PutItem" },
            Body = Encoding.UTF8.GetBytes(body),
        };
        var server = Server(DynamoDb);
        var operation = server.FindOperation(DynamoDb, request)!;

        var e = Assert.Throws<ProtocolReadException>(() => server.ParseRequest(operation, request));

        Assert.Equal("SerializationException", e.Code);
    }

    [Theory]
    [InlineData("DynamoDB_20120810.NoSuchOperation")]
    [InlineData("Kinesis_20131202.PutItem")]
    [InlineData("DynamoDB_20120810.put_item")]
    [InlineData("PutItem")]
    public void UnknownTargetFindsNothing(string target)
    {
        var request = new ServerRequest { Method = "POST", Headers = new(StringComparer.OrdinalIgnoreCase) { ["X-Amz-Target"] = target } };

        Assert.Null(Server(DynamoDb).FindOperation(DynamoDb, request));
    }

    private static IServerProtocol Server(ServiceModel model) => ServerProtocolRegistry.For(model).First();

    private static void AssertRoundTrip(ServiceModel model, string operationName, JsonObject input)
    {
        var operation = model.GetOperation(operationName);
        var request = WireRequests.ToServer(ProtocolRegistry.For(model).SerializeRequest(operation, input));
        var server = Server(model);

        var found = server.FindOperation(model, request);
        var parsed = server.ParseRequest(found!, request);

        Assert.Equal("json", server.Name);
        Assert.Same(operation, found);
        AssertSame(input, parsed);
    }

    private static void AssertSame(JsonObject expected, JsonObject actual) =>
        Assert.Null(ValueComparer.Diff("input", ValueComparer.Normalize(expected), actual));
}
