using Stratus.Bench.Payloads;

namespace Stratus.Bench.Endpoint;

/// <summary>The response bodies, rendered once at start-up.</summary>
internal sealed class CannedResponses
{
    public byte[] Small { get; } = Enumerable.Range(0, Fixture.SmallSize).Select(i => (byte)(i * 7)).ToArray();

    /// <summary>The 64 MiB object is this 1 MiB buffer sent 64 times.</summary>
    public byte[] LargeChunk { get; } = Enumerable.Range(0, 1024 * 1024).Select(i => (byte)(i * 13)).ToArray();

    public byte[] ListObjectsV2 { get; } = S3Payloads.ListObjectsV2(Fixture.ListKeys);

    public byte[] DescribeInstances { get; } = Ec2Payloads.DescribeInstances(Fixture.Instances);

    public byte[] Query { get; }

    public string QueryCrc32 { get; }

    /// <summary>The objects' ETags: their MD5, as S3 gives for single-part uploads (SDKs check GetObject bodies against it).</summary>
    public string SmallETag { get; }

    public string LargeETag { get; }

    public CannedResponses()
    {
        SmallETag = Quoted(System.Security.Cryptography.MD5.HashData(Small));
        using (var md5 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.MD5))
        {
            for (long sent = 0; sent < Fixture.LargeSize; sent += LargeChunk.Length)
            {
                md5.AppendData(LargeChunk);
            }
            LargeETag = Quoted(md5.GetHashAndReset());
        }
        Query = DynamoDbPayloads.Query(Fixture.QueryItems);
        QueryCrc32 = DynamoDbPayloads.Crc32(Query);
    }

    private static string Quoted(byte[] hash) => "\"" + Convert.ToHexStringLower(hash) + "\"";
}
