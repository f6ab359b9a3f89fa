namespace Stratus.Bench.Harness.Clients;

/// <summary>A seekable read-only stream of a given length whose bytes come from one shared 1 MiB buffer.</summary>
public sealed class RepeatingStream(long length) : Stream
{
    private static readonly byte[] Pattern = Enumerable.Range(0, 1 << 20).Select(i => (byte)(i * 31)).ToArray();

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - Position);
        if (n <= 0)
        {
            return 0;
        }
        var start = (int)(Position % Pattern.Length);
        n = Math.Min(n, Pattern.Length - start);
        Pattern.AsSpan(start, n).CopyTo(buffer);
        Position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
