using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Live;

/// <summary>DynamoDB (JSON 1.0) through the generic client against dynalite.</summary>
public sealed class DynamoDbOnDynaliteTests
{
    private const string Variable = "EMU_DYNAMODB_URL";

    private static ServiceClient Client() => Aws.Connect("dynamodb", new ClientOptions
    {
        EndpointUrl = Emulators.Url(Variable),
        Region = "us-east-1",
        Credentials = new AwsCredentials("AKIDLOCAL", "local-secret"),
    });

    [EmulatorFact(Variable)]
    public async Task CreatePutGetQueryScanWithPagination()
    {
        using var ddb = Client();
        var table = "t" + Guid.NewGuid().ToString("N")[..12];
        var created = await ddb.CallAsync("CreateTable", new JsonObject
        {
            ["TableName"] = table,
            ["AttributeDefinitions"] = new JsonArray(
                new JsonObject { ["AttributeName"] = "pk", ["AttributeType"] = "S" },
                new JsonObject { ["AttributeName"] = "sk", ["AttributeType"] = "N" }),
            ["KeySchema"] = new JsonArray(
                new JsonObject { ["AttributeName"] = "pk", ["KeyType"] = "HASH" },
                new JsonObject { ["AttributeName"] = "sk", ["KeyType"] = "RANGE" }),
            ["BillingMode"] = "PAY_PER_REQUEST",
        });
        Assert.Equal(table, (string?)created["TableDescription"]!["TableName"]);
        Assert.IsType<DateTimeOffset>(created["TableDescription"]!["CreationDateTime"]!.GetValue<DateTimeOffset>());

        for (var i = 0; i < 100 && (string?)(await ddb.CallAsync("DescribeTable", new JsonObject { ["TableName"] = table }))["Table"]!["TableStatus"] != "ACTIVE"; i++)
        {
            await Task.Delay(50);
        }

        for (var i = 0; i < 25; i++)
        {
            await ddb.CallAsync("PutItem", new JsonObject
            {
                ["TableName"] = table,
                ["Item"] = new JsonObject
                {
                    ["pk"] = new JsonObject { ["S"] = i % 2 == 0 ? "even" : "odd" },
                    ["sk"] = new JsonObject { ["N"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    ["data"] = new JsonObject { ["B"] = NativeBytes(i) },
                },
            });
        }

        var got = ddb.Call("get_item", new JsonObject
        {
            ["TableName"] = table,
            ["Key"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = "odd" }, ["sk"] = new JsonObject { ["N"] = "7" } },
        });
        Assert.Equal("7", (string?)got["Item"]!["sk"]!["N"]);
        Assert.Equal(new byte[] { 7, 7, 7 }, got["Item"]!["data"]!["B"]!.GetValue<byte[]>());

        var query = await ddb.CallAsync("Query", new JsonObject
        {
            ["TableName"] = table,
            ["KeyConditionExpression"] = "pk = :p AND sk > :s",
            ["ExpressionAttributeValues"] = new JsonObject { [":p"] = new JsonObject { ["S"] = "even" }, [":s"] = new JsonObject { ["N"] = "10" } },
        });
        Assert.Equal(7, (int)query["Count"]!); // 12, 14, ..., 24

        // Scan three items a page: the paginator follows LastEvaluatedKey to the end.
        var pages = 0;
        var items = 0;
        await foreach (var page in ddb.PaginateAsync("Scan", new JsonObject { ["TableName"] = table, ["Limit"] = 3 }))
        {
            pages++;
            items += page["Items"]!.AsArray().Count;
        }
        Assert.Equal(25, items);
        Assert.True(pages >= 9, $"expected at least 9 pages, got {pages}");
        Assert.Equal(25, ddb.PaginateItems("Scan", new JsonObject { ["TableName"] = table, ["Limit"] = 7 }).Count());

        await ddb.CallAsync("DeleteTable", new JsonObject { ["TableName"] = table });
    }

    [EmulatorFact(Variable)]
    public async Task ModeledErrorBecomesServiceException()
    {
        using var ddb = Client();
        var e = await Assert.ThrowsAsync<ServiceException>(() => ddb.CallAsync("DescribeTable", new JsonObject { ["TableName"] = "no-such-table-here" }));
        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("dynamodb", e.Service);
        Assert.Equal("DescribeTable", e.Operation);
        Assert.False(e.IsRetryable);
    }

    private static JsonNode NativeBytes(int i) => Stratus.Protocols.NativeValues.Blob([(byte)i, (byte)i, (byte)i]);
}
