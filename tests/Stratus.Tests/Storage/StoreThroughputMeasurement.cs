using System.Diagnostics;
using Stratus.Credentials;
using Stratus.Storage;
using Stratus.Storage.FileSystem;
using Stratus.Storage.S3;
using Stratus.Tests.TestSupport;
using Xunit.Abstractions;

namespace Stratus.Tests.Storage;

/// <summary>
/// Throughput of a put from a stream of unknown length (parts in parallel) and a streamed get, per backend, with
/// the process's managed heap growth. A measurement (STRATUS_MEASURE=1), not a check.
/// </summary>
[Trait("Category", "Measure")]
public sealed class StoreThroughputMeasurement(ITestOutputHelper output)
{
    private const int MiB = 1024 * 1024;
    private const int Size = 128 * MiB;

    [MeasureFact]
    public async Task Put_and_get_128_MiB()
    {
        var root = Path.Combine(Path.GetTempPath(), "stratus-measure-" + Guid.NewGuid().ToString("N"));
        var stores = new List<(string Name, ObjectStore Store)> { ("file", new FileSystemObjectStore(root)) };
        if (Emulators.Url("EMU_S3RVER_URL") is { } s3rver)
        {
            var options = S3Compatible.Generic(s3rver);
            options.Credentials = new AwsCredentials("S3RVER", "S3RVER");
            stores.Add(("s3rver", new S3ObjectStore(options)));
        }
        if (Emulators.Url("EMU_SWIFT_S3_URL") is { } swift)
        {
            var options = S3Compatible.Generic(swift);
            options.Credentials = new AwsCredentials("test:tester", "testing");
            stores.Add(("swift-s3api", new S3ObjectStore(options)));
        }
        try
        {
            foreach (var (name, store) in stores)
            {
                var container = "stratus-measure-" + Guid.NewGuid().ToString("N")[..8];
                await store.CreateContainerAsync(container);
                try
                {
                    GC.Collect();
                    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
                    var watch = Stopwatch.StartNew();
                    await store.PutAsync(container, "big", new PatternStream(Size), new PutOptions { PartSize = 8 * MiB, Concurrency = 4 });
                    var put = watch.Elapsed;
                    var heapAfterPut = GC.GetTotalMemory(forceFullCollection: false);
                    watch.Restart();
                    long read = 0;
                    await using (var download = await store.GetAsync(container, "big"))
                    {
                        var buffer = new byte[256 * 1024];
                        int n;
                        while ((n = await download.Content.ReadAsync(buffer)) > 0)
                        {
                            read += n;
                        }
                    }
                    var get = watch.Elapsed;
                    Assert.Equal(Size, read);
                    output.WriteLine($"{name}: put {Size / MiB} MiB in {put.TotalSeconds:F2} s ({Size / MiB / put.TotalSeconds:F1} MiB/s), " +
                        $"get {get.TotalSeconds:F2} s ({Size / MiB / get.TotalSeconds:F1} MiB/s), heap after put +{(heapAfterPut - heapBefore) / MiB} MiB, " +
                        $"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / MiB} MiB");
                    await store.DeleteAsync(container, "big");
                }
                finally
                {
                    await store.DeleteContainerAsync(container);
                }
            }
        }
        finally
        {
            foreach (var (_, store) in stores)
            {
                store.Dispose();
            }
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>A non-seekable stream of <paramref name="length"/> patterned bytes, made as it is read (no buffer of the whole).</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = (byte)((_position + i) * 31 >> 3);
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
