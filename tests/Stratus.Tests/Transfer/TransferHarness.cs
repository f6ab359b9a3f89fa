using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;
using Stratus.Testing.Mock;
using Stratus.Transfer;

namespace Stratus.Tests.Transfer;

/// <summary>A mock cloud with a bucket, an S3 client through an <see cref="InterceptingHandler"/>, and a scratch directory.</summary>
internal sealed class TransferHarness : IAsyncDisposable
{
    public const int MiB = 1024 * 1024;
    public const string Bucket = "transfers";

    private TransferHarness()
    {
        var options = Cloud.ClientOptions();
        Handler = new InterceptingHandler(options.Transport!);
        options.Transport = Handler;
        S3 = Aws.Connect("s3", options);
        Directory.CreateDirectory(Scratch);
    }

    public MockCloud Cloud { get; } = new();

    public InterceptingHandler Handler { get; }

    public ServiceClient S3 { get; }

    public string Scratch { get; } = Path.Combine(Path.GetTempPath(), "stratus-transfer-" + Guid.NewGuid().ToString("N"));

    public static async Task<TransferHarness> CreateAsync()
    {
        var harness = new TransferHarness();
        await harness.S3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = Bucket });
        harness.Handler.Reset();
        return harness;
    }

    /// <summary>Five-MiB parts, CRC-32C, the given concurrency.</summary>
    public TransferManager Manager(int concurrency = 4, TransferChecksumAlgorithm checksum = TransferChecksumAlgorithm.Crc32C) => new(S3, new TransferOptions
    {
        PartSize = 5 * MiB,
        MultipartThreshold = 5 * MiB,
        MaxConcurrency = concurrency,
        ChecksumAlgorithm = checksum,
    });

    public static byte[] Data(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public string File(byte[] data, string name = "source.bin")
    {
        var path = Path.Combine(Scratch, name);
        System.IO.File.WriteAllBytes(path, data);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Scratch, name);

    /// <summary>The object's bytes through a plain GetObject.</summary>
    public async Task<byte[]> GetAsync(string key)
    {
        var result = await S3.CallAsync("GetObject", new JsonObject { ["Bucket"] = Bucket, ["Key"] = key });
        Assert.True(NativeValues.TryGetStream(result["Body"], out var body));
        await using (body)
        {
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    public async Task PutAsync(string key, byte[] data) =>
        await S3.CallAsync("PutObject", new JsonObject { ["Bucket"] = Bucket, ["Key"] = key, ["Body"] = NativeValues.Stream(new MemoryStream(data)) });

    public async Task<int> OpenUploadsAsync()
    {
        var listed = await S3.CallAsync("ListMultipartUploads", new JsonObject { ["Bucket"] = Bucket });
        return (listed["Uploads"] as JsonArray)?.Count ?? 0;
    }

    public static void SameBytes(byte[] expected, byte[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(SHA256.HashData(expected), SHA256.HashData(actual));
    }

    /// <summary>An S3 error answer, as a failing service would give.</summary>
    public static HttpResponseMessage Error(HttpStatusCode status, string code) => new(status)
    {
        Content = new StringContent($"<Error><Code>{code}</Code><Message>injected by the test</Message></Error>", Encoding.UTF8, "application/xml"),
    };

    public ValueTask DisposeAsync()
    {
        S3.Dispose();
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
        }
        return Cloud.DisposeAsync();
    }
}
