using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Stratus.Testing.Services.S3;

namespace Stratus.Tests.Mock.S3;

public class S3ChecksumTests : IAsyncLifetime
{
    private static readonly byte[] Check = "123456789"u8.ToArray();
    private readonly S3Harness _s3 = new();

    public Task InitializeAsync() => _s3.CreateBucket("bkt");

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(S3ChecksumAlgorithm.Crc32, "CBF43926")]
    [InlineData(S3ChecksumAlgorithm.Crc32C, "E3069283")]
    [InlineData(S3ChecksumAlgorithm.Crc64Nvme, "AE8B14860A799888")]
    internal void The_CRCs_match_their_check_values(S3ChecksumAlgorithm algorithm, string hex)
    {
        Assert.Equal(Convert.ToBase64String(Convert.FromHexString(hex)), S3ChecksumHasher.Compute(algorithm, Check));
        // Fed in uneven pieces, the result is the same.
        using var hasher = new S3ChecksumHasher(algorithm);
        var data = S3Harness.Data(1000, 3);
        foreach (var chunk in data.Chunk(37))
        {
            hasher.Append(chunk);
        }
        Assert.Equal(S3ChecksumHasher.Compute(algorithm, data), hasher.GetBase64());
    }

    public static TheoryData<string, string> Sent => new()
    {
        { "ChecksumCRC32", S3ChecksumHasher.Compute(S3ChecksumAlgorithm.Crc32, Check) },
        { "ChecksumCRC32C", S3ChecksumHasher.Compute(S3ChecksumAlgorithm.Crc32C, Check) },
        { "ChecksumCRC64NVME", S3ChecksumHasher.Compute(S3ChecksumAlgorithm.Crc64Nvme, Check) },
        { "ChecksumSHA1", Convert.ToBase64String(SHA1.HashData(Check)) },
        { "ChecksumSHA256", Convert.ToBase64String(SHA256.HashData(Check)) },
    };

    [Theory]
    [MemberData(nameof(Sent))]
    public async Task A_sent_checksum_is_verified_stored_and_returned_when_asked(string member, string value)
    {
        var put = await _s3.Put("bkt", "k", Check, new JsonObject { [member] = value });
        Assert.Equal(value, (string?)put[member]);
        Assert.Equal("FULL_OBJECT", (string?)put["ChecksumType"]);

        var plain = await _s3.Call("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k" });
        Assert.Null(plain[member]);
        foreach (var op in new[] { "GetObject", "HeadObject" })
        {
            var output = await _s3.Call(op, new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["ChecksumMode"] = "ENABLED" });
            Assert.Equal(value, (string?)output[member]);
            Assert.Equal("FULL_OBJECT", (string?)output["ChecksumType"]);
        }
        var ranged = await _s3.Call("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["ChecksumMode"] = "ENABLED", ["Range"] = "bytes=0-1" });
        Assert.Null(ranged[member]);

        var wrong = Convert.ToBase64String(new byte[Convert.FromBase64String(value).Length]);
        var e = await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "bad", ["Body"] = Stratus.Protocols.NativeValues.Blob(Check), [member] = wrong }, "BadDigest", 400);
        Assert.Contains("did not match the calculated checksum", e.Error.Message, StringComparison.Ordinal);
        await _s3.Fails("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "bad" }, "NoSuchKey", 404);
    }

    [Fact]
    public async Task Without_a_checksum_S3_stores_CRC64NVME()
    {
        await _s3.Put("bkt", "k", Check);
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["ChecksumMode"] = "ENABLED" });
        Assert.Equal(S3ChecksumHasher.Compute(S3ChecksumAlgorithm.Crc64Nvme, Check), (string?)head["ChecksumCRC64NVME"]);

        // An announced algorithm (its value coming in a trailer) is the one computed.
        await _s3.Put("bkt", "k2", Check, new JsonObject { ["ChecksumAlgorithm"] = "SHA1" });
        head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k2", ["ChecksumMode"] = "ENABLED" });
        Assert.Equal(Convert.ToBase64String(SHA1.HashData(Check)), (string?)head["ChecksumSHA1"]);
    }

    [Fact]
    public async Task Malformed_or_multiple_checksums_are_invalid_requests()
    {
        await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["ChecksumCRC32"] = "not base64!" }, "InvalidRequest", 400);
        await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["ChecksumCRC32"] = "AAAAAAAA" }, "InvalidRequest", 400);
        await _s3.Fails("PutObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "k", ["ChecksumCRC32"] = "AAAAAA==", ["ChecksumCRC32C"] = "AAAAAA==" }, "InvalidRequest", 400);
    }
}
