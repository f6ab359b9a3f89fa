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

    public CannedResponses()
    {
        Query = DynamoDbPayloads.Query(Fixture.QueryItems);
        QueryCrc32 = DynamoDbPayloads.Crc32(Query);
    }
}
