using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.Sqs;

namespace Stratus.Tests.Mock.Sqs;

/// <summary>Calls an <see cref="SqsService"/> directly, as the mock cloud would, on a fake clock.</summary>
internal sealed class SqsHarness
{
    public static readonly ServiceModel Model = ModelLoader.Default.LoadService("sqs");

    public const string Base = "http://127.0.0.1:4566/";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public SqsService Service { get; init; } = new();

    public MockAccount Account { get; set; } = MockAccount.Default;

    public string Region { get; set; } = "us-east-1";

    public MockCallContext Context() => new(Account, Region, new ServerRequest(), Model, new Uri(Base), new MockBlobStore(), Clock);

    public async Task<JsonObject> CallAsync(string operation, JsonObject input, CancellationToken cancellationToken = default) =>
        await Service.InvokeAsync(Context(), Model.GetOperation(operation), input, cancellationToken);

    public async Task<MockServiceException> ErrorAsync(string operation, JsonObject input) =>
        await Assert.ThrowsAsync<MockServiceException>(() => CallAsync(operation, input));

    public async Task<string> CreateQueueAsync(string name, JsonObject? attributes = null)
    {
        var input = new JsonObject { ["QueueName"] = name };
        if (attributes is not null)
        {
            input["Attributes"] = attributes;
        }
        return (string)(await CallAsync("CreateQueue", input))["QueueUrl"]!;
    }

    public async Task<JsonObject> SendAsync(string url, string body, JsonObject? extra = null)
    {
        var input = new JsonObject { ["QueueUrl"] = url, ["MessageBody"] = body };
        Merge(input, extra);
        return await CallAsync("SendMessage", input);
    }

    public async Task<JsonArray> ReceiveAsync(string url, int max = 10, int? visibility = null, int wait = 0, JsonObject? extra = null)
    {
        var input = new JsonObject { ["QueueUrl"] = url, ["MaxNumberOfMessages"] = max, ["WaitTimeSeconds"] = wait };
        if (visibility is not null)
        {
            input["VisibilityTimeout"] = visibility;
        }
        Merge(input, extra);
        return (await CallAsync("ReceiveMessage", input))["Messages"]?.AsArray() ?? [];
    }

    public async Task<JsonObject> AttributesAsync(string url, params string[] names) =>
        (await CallAsync("GetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["AttributeNames"] = new JsonArray([.. names.Select(n => (JsonNode)n)]) }))["Attributes"]?.AsObject() ?? [];

    /// <summary>Moves the extra members into the input (moved, not cloned: cloning would turn blobs into base64 text).</summary>
    private static void Merge(JsonObject input, JsonObject? extra)
    {
        foreach (var k in extra?.Select(p => p.Key).ToList() ?? [])
        {
            var v = extra![k];
            extra.Remove(k);
            input[k] = v;
        }
    }

    public static string Md5(string s) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(s)));
}
