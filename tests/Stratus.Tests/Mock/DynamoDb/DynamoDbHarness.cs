using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.DynamoDb;

namespace Stratus.Tests.Mock.DynamoDb;

/// <summary>Calls a <see cref="DynamoDbService"/> directly, as the mock cloud would, with a clock tests can move.</summary>
internal sealed class DynamoDbHarness
{
    public static readonly ServiceModel Model = ModelLoader.Default.LoadService("dynamodb");

    public DynamoDbHarness(DynamoDbServiceOptions? options = null, DynamoDbService? service = null)
    {
        Service = service ?? new DynamoDbService(options ?? new DynamoDbServiceOptions());
    }

    public DynamoDbService Service { get; }

    public ManualClock Clock { get; } = new();

    public string Account { get; set; } = "000000000000";

    public string Region { get; set; } = "us-east-1";

    public MockCallContext Context() => new(
        new MockAccount(Account, "test", "test"),
        Region,
        new ServerRequest { Method = "POST", Path = "/" },
        Model,
        new Uri("http://localhost:4566"),
        new MockBlobStore(),
        Clock);

    public JsonObject Call(string operation, JsonObject input) =>
        Service.InvokeAsync(Context(), Model.GetOperation(operation), input, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public JsonObject Call(string operation, string json) => Call(operation, JsonNode.Parse(json)!.AsObject());

    public MockServiceException Fails(string operation, string json) => Fails(operation, JsonNode.Parse(json)!.AsObject());

    public MockServiceException Fails(string operation, JsonObject input) =>
        Assert.Throws<MockServiceException>(() => Call(operation, input));

    /// <summary>Asserts a ValidationException with exactly this message.</summary>
    public void Invalid(string operation, string json, string message)
    {
        var e = Fails(operation, json);
        Assert.Equal("ValidationException", e.Error.Code);
        Assert.Equal(message, e.Error.Message);
    }

    /// <summary>A PAY_PER_REQUEST table keyed by pk (S) and, if given, sk of the given type.</summary>
    public void CreateTable(string name, string? sortType = null, string hashType = "S")
    {
        var definitions = new JsonArray(new JsonObject { ["AttributeName"] = "pk", ["AttributeType"] = hashType });
        var keys = new JsonArray(new JsonObject { ["AttributeName"] = "pk", ["KeyType"] = "HASH" });
        if (sortType is not null)
        {
            definitions.Add(new JsonObject { ["AttributeName"] = "sk", ["AttributeType"] = sortType });
            keys.Add(new JsonObject { ["AttributeName"] = "sk", ["KeyType"] = "RANGE" });
        }
        Call("CreateTable", new JsonObject
        {
            ["TableName"] = name,
            ["AttributeDefinitions"] = definitions,
            ["KeySchema"] = keys,
            ["BillingMode"] = "PAY_PER_REQUEST",
        });
    }

    public void Put(string table, string itemJson) =>
        Call("PutItem", new JsonObject { ["TableName"] = table, ["Item"] = JsonNode.Parse(itemJson) });

    public JsonObject? Get(string table, string keyJson) =>
        Call("GetItem", new JsonObject { ["TableName"] = table, ["Key"] = JsonNode.Parse(keyJson) })["Item"]?.AsObject();

    /// <summary>A value's wire JSON, compact, for comparisons.</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}
