using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;
using Stratus.Testing.Stubbing;

namespace Stratus.Tests.Stubbing;

public sealed class StubberTests
{
    private static JsonObject Key(string id) => new() { ["id"] = new JsonObject { ["S"] = id } };

    [Fact]
    public async Task GetItemAnswersWithTheStubbedItemWhenTheParametersMatch()
    {
        using var stubber = new Stubber("dynamodb");
        stubber.AddResponse("GetItem",
            new JsonObject { ["Item"] = new JsonObject { ["id"] = new JsonObject { ["S"] = "1" }, ["n"] = new JsonObject { ["N"] = "42" } } },
            expectedParams: new JsonObject { ["TableName"] = "things", ["Key"] = Key("1"), ["ConsistentRead"] = true });
        using var ddb = Aws.Connect("dynamodb", stubber.Options);

        var result = await ddb.CallAsync("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("1"), ["ConsistentRead"] = true });

        Assert.Equal("1", (string?)result["Item"]!["id"]!["S"]);
        Assert.Equal("42", (string?)result["Item"]!["n"]!["N"]);
        Assert.Equal(200, (int)result["ResponseMetadata"]!["HTTPStatusCode"]!);
        stubber.AssertNoPendingResponses();
    }

    [Fact]
    public void PutItemSynchronouslyWithAWildcard()
    {
        using var stubber = new Stubber("dynamodb");
        stubber.AddResponse("put_item", new JsonObject { ["Attributes"] = new JsonObject { ["id"] = new JsonObject { ["S"] = "old" } } },
            expectedParams: new JsonObject { ["TableName"] = "things", ["Item"] = Stubber.Any, ["ReturnValues"] = "ALL_OLD" });
        using var ddb = Aws.Connect("dynamodb", stubber.Options);

        var result = ddb.Call("PutItem", new JsonObject
        {
            ["TableName"] = "things",
            ["Item"] = new JsonObject { ["id"] = new JsonObject { ["S"] = Guid.NewGuid().ToString() } },
            ["ReturnValues"] = "ALL_OLD",
        });

        Assert.Equal("old", (string?)result["Attributes"]!["id"]!["S"]);
        Assert.Equal(0, stubber.PendingResponses);
    }

    [Fact]
    public async Task AWildcardMatchesAtAnyDepth()
    {
        using var stubber = new Stubber("dynamodb");
        stubber.AddResponse("GetItem", [], expectedParams: new JsonObject
        {
            ["TableName"] = "things",
            ["Key"] = new JsonObject { ["id"] = new JsonObject { ["S"] = Stubber.Any } },
        });
        using var ddb = Aws.Connect("dynamodb", stubber.Options);
        var result = await ddb.CallAsync("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("anything") });
        Assert.Null(result["Item"]);
    }

    [Fact]
    public async Task AParameterMismatchFailsNamingTheMember()
    {
        using var stubber = new Stubber("dynamodb");
        stubber.AddResponse("GetItem", [], expectedParams: new JsonObject { ["TableName"] = "things", ["Key"] = Key("1") });
        using var ddb = Aws.Connect("dynamodb", stubber.Options);

        var e = await Assert.ThrowsAsync<StubberException>(() => ddb.CallAsync("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("2") }));

        Assert.Contains("dynamodb.GetItem: parameter mismatch", e.Message, StringComparison.Ordinal);
        Assert.Equal("Key.id.S: expected \"1\", got \"2\"", Assert.Single(e.Problems));
        Assert.Equal(1, stubber.PendingResponses);
    }

    [Fact]
    public async Task AnUnexpectedOrMissingParameterFails()
    {
        using var stubber = new Stubber("dynamodb");
        stubber.AddResponse("GetItem", [], expectedParams: new JsonObject { ["TableName"] = "things", ["Key"] = Key("1"), ["ConsistentRead"] = true });
        using var ddb = Aws.Connect("dynamodb", stubber.Options);

        var e = await Assert.ThrowsAsync<StubberException>(() => ddb.CallAsync("GetItem", new JsonObject
        {
            ["TableName"] = "things",
            ["Key"] = Key("1"),
            ["ProjectionExpression"] = "id",
        }));

        Assert.Contains(e.Problems, p => p.StartsWith("ConsistentRead: expected true, but it was not sent", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("ProjectionExpression: not expected, but sent \"id\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnexpectedCallFails()
    {
        using var stubber = new Stubber("dynamodb");
        using var ddb = Aws.Connect("dynamodb", stubber.Options);
        var e = await Assert.ThrowsAsync<StubberException>(() => ddb.CallAsync("ListTables"));
        Assert.Contains("dynamodb.ListTables: unexpected call", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperationMismatchFails()
    {
        using var stubber = new Stubber("dynamodb") { VerifyOnDispose = false };
        stubber.AddResponse("GetItem", []);
        using var ddb = Aws.Connect("dynamodb", stubber.Options);
        var e = await Assert.ThrowsAsync<StubberException>(() => ddb.CallAsync("ListTables"));
        Assert.Contains("dynamodb.ListTables: operation mismatch: the next stubbed response is for GetItem", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PendingResponsesFailTheAssertionAndDispose()
    {
        var stubber = new Stubber("dynamodb");
        stubber.AddResponse("GetItem", []).AddClientError("PutItem", "ConditionalCheckFailedException");

        var e = Assert.Throws<StubberException>(stubber.AssertNoPendingResponses);
        Assert.Contains("2 stubbed response(s) were never called for: GetItem, PutItem (error ConditionalCheckFailedException)", e.Message, StringComparison.Ordinal);

        var again = new Stubber("dynamodb");
        again.AddResponse("GetItem", []);
        Assert.Throws<StubberException>(again.Dispose);
        again.Dispose(); // once only
    }

    [Fact]
    public void AStubbedResponseOfTheWrongTypeIsRejectedWhenAdded()
    {
        using var stubber = new Stubber("dynamodb");

        var wrongType = Assert.Throws<StubberException>(() => stubber.AddResponse("GetItem", new JsonObject { ["Item"] = "not a map" }));
        Assert.StartsWith("dynamodb.GetItem: invalid stubbed response: Item: expected a map (object), got the string 'not a map'", wrongType.Message, StringComparison.Ordinal);

        var nested = Assert.Throws<StubberException>(() => stubber.AddResponse("GetItem", new JsonObject
        {
            ["Item"] = new JsonObject { ["id"] = new JsonObject { ["BOOL"] = "yes" } },
        }));
        Assert.Equal("Item.id.BOOL: expected true or false, got the string 'yes'", Assert.Single(nested.Problems));

        var unknown = Assert.Throws<StubberException>(() => stubber.AddResponse("GetItem", new JsonObject { ["Itemz"] = new JsonObject() }));
        Assert.StartsWith("Itemz: unknown member; valid members are Item", Assert.Single(unknown.Problems), StringComparison.Ordinal);
        Assert.Equal(0, stubber.PendingResponses);
    }

    [Fact]
    public void AnUnknownOperationIsRejected()
    {
        using var stubber = new Stubber("dynamodb");
        Assert.Throws<ArgumentException>(() => stubber.AddResponse("GetItems", []));
    }

    [Fact]
    public async Task AStubbedClientErrorSurfacesAsAServiceException()
    {
        using var stubber = new Stubber("dynamodb");
        stubber.AddClientError("GetItem", "ResourceNotFoundException", "Requested resource not found", expectedParams: new JsonObject { ["TableName"] = "missing", ["Key"] = Stubber.Any });
        using var ddb = Aws.Connect("dynamodb", stubber.Options);

        var e = await Assert.ThrowsAsync<ServiceException>(() => ddb.CallAsync("GetItem", new JsonObject { ["TableName"] = "missing", ["Key"] = Key("1") }));

        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
        Assert.Equal("Requested resource not found", e.ErrorMessage);
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("GetItem", e.Operation);
    }

    [Fact]
    public async Task AnErrorStatusCanBeChosenAndIsNotRetried()
    {
        using var stubber = new Stubber("dynamodb");
        stubber.AddClientError("ListTables", "InternalServerError", "boom", httpStatus: 500);
        using var ddb = Aws.Connect("dynamodb", stubber.Options);
        var e = await Assert.ThrowsAsync<ServiceException>(() => ddb.CallAsync("ListTables"));
        Assert.Equal(500, e.StatusCode);
        Assert.True(e.IsRetryable);
        Assert.Equal(0, stubber.PendingResponses);
    }

    [Fact]
    public void ModeledErrorFieldsAreChecked()
    {
        using var stubber = new Stubber("dynamodb");
        var e = Assert.Throws<StubberException>(() => stubber.AddClientError("PutItem", "ConditionalCheckFailedException", "no",
            modeledFields: new JsonObject { ["Item"] = 5 }));
        Assert.Contains("Item: expected a map (object)", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseMetadataGivesTheRequestId()
    {
        using var stubber = new Stubber("dynamodb");
        stubber.AddResponse("ListTables", new JsonObject
        {
            ["TableNames"] = new JsonArray("a", "b"),
            ["ResponseMetadata"] = new JsonObject { ["RequestId"] = "req-1" },
        });
        using var ddb = Aws.Connect("dynamodb", stubber.Options);
        var result = await ddb.CallAsync("ListTables");
        Assert.Equal(["a", "b"], result["TableNames"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("req-1", (string?)result["ResponseMetadata"]!["RequestId"]);
    }

    [Fact]
    public async Task TimestampsRoundTripThroughTheWire()
    {
        var created = new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);
        using var stubber = new Stubber("dynamodb");
        stubber.AddResponse("DescribeTable", new JsonObject
        {
            ["Table"] = new JsonObject { ["TableName"] = "things", ["CreationDateTime"] = created, ["ItemCount"] = 7 },
        });
        using var ddb = Aws.Connect("dynamodb", stubber.Options);
        var result = await ddb.CallAsync("DescribeTable", new JsonObject { ["TableName"] = "things" });
        Assert.Equal(created, result["Table"]!["CreationDateTime"]!.GetValue<DateTimeOffset>());
        Assert.Equal(7, (long)result["Table"]!["ItemCount"]!);
    }

    [Fact]
    public async Task SqsSendMessage()
    {
        using var stubber = new Stubber("sqs");
        stubber.AddResponse("SendMessage", new JsonObject { ["MessageId"] = "m-1", ["MD5OfMessageBody"] = "abc" },
            expectedParams: new JsonObject { ["QueueUrl"] = "https://sqs.us-east-1.amazonaws.com/1/q", ["MessageBody"] = "hello", ["DelaySeconds"] = 5 });
        using var sqs = Aws.Connect("sqs", stubber.Options);
        var result = await sqs.CallAsync("SendMessage", new JsonObject
        {
            ["QueueUrl"] = "https://sqs.us-east-1.amazonaws.com/1/q",
            ["MessageBody"] = "hello",
            ["DelaySeconds"] = 5,
        });
        Assert.Equal("m-1", (string?)result["MessageId"]);
        Assert.Equal("json", stubber.Protocol);
    }

    [Fact]
    public async Task KinesisBlobsAreComparedByBytes()
    {
        using var stubber = new Stubber("kinesis");
        stubber.AddResponse("PutRecord", new JsonObject { ["ShardId"] = "shardId-000000000000", ["SequenceNumber"] = "1" },
            expectedParams: new JsonObject { ["StreamName"] = "s", ["PartitionKey"] = "p", ["Data"] = NativeValues.Blob(Encoding.UTF8.GetBytes("payload")) });
        stubber.AddResponse("PutRecord", new JsonObject { ["ShardId"] = "shardId-000000000000", ["SequenceNumber"] = "2" },
            expectedParams: new JsonObject { ["StreamName"] = "s", ["PartitionKey"] = "p", ["Data"] = NativeValues.Blob([1, 2, 3]) });
        using var kinesis = Aws.Connect("kinesis", stubber.Options);

        var first = await kinesis.CallAsync("PutRecord", new JsonObject { ["StreamName"] = "s", ["PartitionKey"] = "p", ["Data"] = "payload" });
        Assert.Equal("1", (string?)first["SequenceNumber"]);
        var e = await Assert.ThrowsAsync<StubberException>(() => kinesis.CallAsync("PutRecord", new JsonObject
        {
            ["StreamName"] = "s",
            ["PartitionKey"] = "p",
            ["Data"] = NativeValues.Blob([1, 2, 4]),
        }));
        Assert.StartsWith("Data: expected \"AQID\", got \"AQIE\"", Assert.Single(e.Problems), StringComparison.Ordinal);
        stubber.VerifyOnDispose = false;
    }

    [Fact]
    public async Task TheHandlerServesAClientWithItsOwnOptions()
    {
        using var stubber = new Stubber("dynamodb");
        stubber.AddResponse("ListTables", new JsonObject { ["TableNames"] = new JsonArray() });
        using var ddb = Aws.Connect("dynamodb", new ClientOptions
        {
            Region = "eu-west-1",
            Credentials = new Stratus.Credentials.AwsCredentials("AKID", "secret"),
            Transport = stubber.Handler,
        });
        var result = await ddb.CallAsync("ListTables");
        Assert.Empty(result["TableNames"]!.AsArray());
    }
}
