namespace Stratus.Testing.Services.S3;

/// <summary>Reads several streams one after another, opening each only when the previous one ends (a multipart object's parts).</summary>
internal sealed class ConcatenatedReadStream : Stream
{
    private readonly Queue<Func<Stream>> _pending;
    private Stream? _current;

    public ConcatenatedReadStream(IEnumerable<Func<Stream>> parts)
    {
        _pending = new Queue<Func<Stream>>(parts);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (buffer.Length > 0 && Current() is { } s)
        {
            var n = s.Read(buffer);
            if (n > 0)
            {
                return n;
            }
            Next();
        }
        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0 && Current() is { } s)
        {
            var n = await s.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (n > 0)
            {
                return n;
            }
            Next();
        }
        return 0;
    }

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
            _current?.Dispose();
            _current = null;
            _pending.Clear();
        }
        base.Dispose(disposing);
    }

    private Stream? Current()
    {
        if (_current is null && _pending.TryDequeue(out var open))
        {
            _current = open();
        }
        return _current;
    }

    private void Next()
    {
        _current?.Dispose();
        _current = null;
    }
}
