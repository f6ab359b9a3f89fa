using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.Ec2;

namespace Stratus.Tests.Mock.Ec2;

/// <summary>One EC2 mock service, called directly, on a clock the test moves.</summary>
internal sealed class Ec2Fixture
{
    public static readonly ServiceModel Model = ModelLoader.Default.LoadService("ec2");

    public Ec2Fixture(Ec2Service? service = null) => Service = service ?? new Ec2Service();

    public Ec2Service Service { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public MockBlobStore Blobs { get; } = new();

    public MockCallContext Context(string region = "us-east-1", MockAccount? account = null) =>
        new(account ?? MockAccount.Default, region, new ServerRequest(), Model, new Uri("http://localhost:4566/"), Blobs, Clock);

    public async Task<JsonObject> CallAsync(string operation, JsonObject? input = null, string region = "us-east-1", MockAccount? account = null) =>
        await Service.InvokeAsync(Context(region, account), Model.GetOperation(operation), input ?? new JsonObject(), CancellationToken.None);

    /// <summary>Calls an operation that must fail, and returns its error.</summary>
    public async Task<ServiceError> FailsAsync(string operation, JsonObject input, string region = "us-east-1") =>
        (await Assert.ThrowsAsync<MockServiceException>(() => CallAsync(operation, input, region))).Error;

    /// <summary>Launches instances and returns their ids.</summary>
    public async Task<List<string>> RunAsync(int count = 1, JsonObject? extra = null)
    {
        var input = new JsonObject { ["ImageId"] = "ami-0123456789abcdef0", ["InstanceType"] = "t3.micro", ["MinCount"] = count, ["MaxCount"] = count };
        foreach (var (key, value) in extra ?? new JsonObject())
        {
            input[key] = value?.DeepClone();
        }
        var reservation = await CallAsync("RunInstances", input);
        return reservation["Instances"]!.AsArray().Select(i => (string)i!["InstanceId"]!).ToList();
    }

    /// <summary>The instances DescribeInstances lists (all reservations, one page).</summary>
    public async Task<List<JsonObject>> InstancesAsync(JsonObject? input = null)
    {
        var output = await CallAsync("DescribeInstances", input);
        return output["Reservations"]!.AsArray().SelectMany(r => r!["Instances"]!.AsArray()).Select(i => i!.AsObject()).ToList();
    }

    public async Task<string> StateAsync(string instanceId) =>
        (string)(await InstancesAsync(new JsonObject { ["InstanceIds"] = new JsonArray(instanceId) })).Single()["State"]!["Name"]!;

    public static JsonArray Filter(string name, params string[] values) =>
        new(new JsonObject { ["Name"] = name, ["Values"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) });
}
