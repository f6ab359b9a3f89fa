using System.Diagnostics;
using System.Security.Cryptography;
using Stratus.OpenStack;
using Stratus.Storage;
using Stratus.Tests.TestSupport;
using Xunit.Abstractions;

namespace Stratus.Tests.OpenStack;

/// <summary>
/// A measurement (STRATUS_MEASURE=1, EMU_SWIFT_AUTH_URL set): a 512 MiB forward-only stream stored through the swift://
/// store as a static large object (16 MiB segments, 4 at a time), then read back streamed, with throughput and peak memory.
/// </summary>
public sealed class SwiftThroughputMeasure(ITestOutputHelper output)
{
    [MeasureFact]
    [Trait("Category", "Measure")]
    public async Task Upload_and_download_512_MiB()
    {
        Skip.IfUnset();
        const long size = 512L * 1024 * 1024;
        OpenStackCloud.Register();
        using var store = ObjectStores.Open("swift", new StoreSettings
        {
            EndpointUrl = SwiftEmulator.AuthUrl,
            Values = { ["username"] = SwiftEmulator.User, ["password"] = SwiftEmulator.Key },
            Environment = _ => null,
        });
        var c = SwiftEmulator.NewName("measure");
        await store.CreateContainerAsync(c);
        try
        {
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            var before = process.WorkingSet64;
            var upload = Stopwatch.StartNew();
            using var sent = SHA256.Create();
            var info = await store.PutAsync(c, "big.bin", new HashingSource(size, sent), new PutOptions { PartSize = 16 << 20, Concurrency = 4 });
            upload.Stop();
            Assert.Equal(size, info.Size);
            var download = Stopwatch.StartNew();
            await using (var got = await store.GetAsync(c, "big.bin"))
            {
                Assert.Equal(sent.Hash, await SHA256.HashDataAsync(got.Content));
            }
            download.Stop();
            process.Refresh();
            output.WriteLine($"upload {size / 1048576.0 / upload.Elapsed.TotalSeconds:0} MiB/s ({upload.Elapsed.TotalSeconds:0.0} s), " +
                $"download {size / 1048576.0 / download.Elapsed.TotalSeconds:0} MiB/s ({download.Elapsed.TotalSeconds:0.0} s), " +
                $"working set before {before >> 20} MiB, peak {process.PeakWorkingSet64 >> 20} MiB");
            await store.DeleteAsync(c, "big.bin");
        }
        finally
        {
            await store.DeleteContainerAsync(c);
            await store.DeleteContainerAsync(c + "_segments");
        }
    }

    private static class Skip
    {
        public static void IfUnset() => Assert.NotNull(Emulators.Url(SwiftEmulator.Variable));
    }

    /// <summary>Pseudo-random bytes of a given length, forward only, hashed as they are read.</summary>
    private sealed class HashingSource(long length, HashAlgorithm hash) : Stream
    {
        private readonly Random _random = new(7);
        private long _position;
        private bool _finished;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            if (n == 0)
            {
                if (!_finished)
                {
                    hash.TransformFinalBlock([], 0, 0);
                    _finished = true;
                }
                return 0;
            }
            _random.NextBytes(buffer.AsSpan(offset, n));
            hash.TransformBlock(buffer, offset, n, null, 0);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
