using Stratus.Transfer;

namespace Stratus.Cli.Storage;

/// <summary>
/// A read-only, forward-only view of a stream that reports the bytes read so far. It sits between a source (a file,
/// or another provider's download) and the destination's upload, so every kind of copy shows progress the same way
/// without the stores having to report it.
/// </summary>
internal sealed class ProgressStream(Stream inner, long? total, IProgress<TransferProgress>? progress) : Stream
{
    private long _read;

    /// <summary>The bytes read so far.</summary>
    public long BytesRead => _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Count(int n)
    {
        if (n > 0)
        {
            var done = Interlocked.Add(ref _read, n);
            progress?.Report(new TransferProgress(done, total));
        }
        return n;
    }
}
