namespace Quickstart;

/// <summary>A read-only stream that reports how many bytes have been read from it.</summary>
internal sealed class ProgressStream(Stream inner, IProgress<long> progress) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => Report(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Report(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Reports the position, so a first pass that only hashes the body and the pass that sends it both count from 0.
    private int Report(int n)
    {
        var position = inner.CanSeek ? inner.Position : _read += n;
        if (n > 0 && (position >> 20) != (_last >> 20) || position == inner.Length)
        {
            progress.Report(position);
        }
        _last = position;
        return n;
    }

    private long _last = -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
