using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.S3;

namespace Stratus.Tests.Mock.S3;

/// <summary>Calls a mock S3 directly, as the mock cloud does after reading a request: one context per call, a settable clock.</summary>
internal sealed class S3Harness
{
    public static readonly ServiceModel Model = ModelLoader.Default.LoadService("s3");

    public S3Harness(MockBlobStore? blobs = null, S3Service? service = null)
    {
        Blobs = blobs ?? new MockBlobStore();
        Service = service ?? new S3Service();
    }

    public S3Service Service { get; }

    public MockBlobStore Blobs { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public MockAccount Account { get; set; } = MockAccount.Default;

    public string Region { get; set; } = "us-east-1";

    public MockCallContext Context() => new(Account, Region, new ServerRequest(), Model, new Uri("http://localhost:4566"), Blobs, Clock);

    public async Task<JsonObject> Call(string operation, JsonObject input) =>
        await Service.InvokeAsync(Context(), Model.GetOperation(operation), input, CancellationToken.None);

    public async Task<MockServiceException> Fails(string operation, JsonObject input) =>
        await Assert.ThrowsAsync<MockServiceException>(() => Call(operation, input));

    public async Task<MockServiceException> Fails(string operation, JsonObject input, string code, int status)
    {
        var e = await Fails(operation, input);
        Assert.Equal(code, e.Error.Code);
        Assert.Equal(status, e.Error.StatusCode);
        return e;
    }

    public Task<JsonObject> CreateBucket(string bucket) => Call("CreateBucket", new JsonObject { ["Bucket"] = bucket });

    public Task<JsonObject> Put(string bucket, string key, byte[] body, JsonObject? extra = null)
    {
        var input = extra ?? [];
        input["Bucket"] = bucket;
        input["Key"] = key;
        input["Body"] = NativeValues.Stream(new MemoryStream(body));
        return Call("PutObject", input);
    }

    public Task<JsonObject> Put(string bucket, string key, string body, JsonObject? extra = null) => Put(bucket, key, Encoding.UTF8.GetBytes(body), extra);

    public async Task<byte[]> GetBytes(string bucket, string key, JsonObject? extra = null)
    {
        var input = extra ?? [];
        input["Bucket"] = bucket;
        input["Key"] = key;
        return await Body(await Call("GetObject", input));
    }

    public static async Task<byte[]> Body(JsonObject output)
    {
        Assert.True(NativeValues.TryGetStream(output["Body"], out var stream));
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    public static string Md5ETag(byte[] data) => "\"" + Convert.ToHexStringLower(MD5.HashData(data)) + "\"";

    public static byte[] Data(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static DateTimeOffset Time(JsonNode? node)
    {
        Assert.True(NativeValues.TryGetTimestamp(node, out var t));
        return t;
    }
}
