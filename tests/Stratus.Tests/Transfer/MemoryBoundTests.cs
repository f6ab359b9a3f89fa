using Stratus.Client;
using Stratus.Credentials;
using Stratus.Transfer;

namespace Stratus.Tests.Transfer;

[CollectionDefinition(nameof(MemoryBoundTests), DisableParallelization = true)]
public sealed class MemoryBoundCollection;

/// <summary>
/// Memory per transfer is about PartSize × MaxConcurrency, whatever the object's size: 512 MiB go up and come down
/// through a stand-in S3 that keeps nothing, and the whole process allocates a fraction of that. Runs alone, since
/// the allocation count is the process's.
/// </summary>
[Collection(nameof(MemoryBoundTests))]
public sealed class MemoryBoundTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const long Size = 512L << 20;
    private const long Bound = 80L << 20; // 4 pooled 8 MiB buffers, plus the client's per-call garbage

    private static TransferManager Manager(NullS3Handler handler) => new(Aws.Connect("s3", new ClientOptions
    {
        Region = "us-east-1",
        EndpointUrl = new Uri("http://null-s3.test"),
        Credentials = new AwsCredentials("test", "test"),
        Transport = handler,
    }), new TransferOptions { PartSize = 5L << 20, MaxConcurrency = 4, ChecksumAlgorithm = TransferChecksumAlgorithm.Crc32C });

    [Fact]
    public async Task Uploading_512_MiB_from_a_stream_allocates_a_bounded_amount()
    {
        var manager = Manager(new NullS3Handler(Size));
        using var source = new ForwardOnlyStream(new RepeatingStream(Size));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await manager.UploadAsync(source, "b", "k");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(103, result.Parts);
        output.WriteLine($"upload of 512 MiB allocated {allocated >> 20} MiB");
        Assert.True(allocated < Bound, $"allocated {allocated >> 20} MiB");
    }

    [Fact]
    public async Task Downloading_512_MiB_into_a_stream_allocates_a_bounded_amount()
    {
        var manager = Manager(new NullS3Handler(Size));
        using var sink = new WriteOnlyStream(Stream.Null);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await manager.DownloadAsync("b", "k", sink);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(103, result.RangesFetched);
        output.WriteLine($"download of 512 MiB allocated {allocated >> 20} MiB");
        Assert.True(allocated < Bound, $"allocated {allocated >> 20} MiB");
    }

    /// <summary>A long stream of a repeating pattern, made without allocating.</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = (byte)((_position + i) * 31);
            }
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
