using System.Security.Cryptography;

namespace Stratus.Testing.Services.S3;

/// <summary>
/// Reads another stream through, counting the bytes and hashing them (MD5 for the ETag, and optionally one
/// flexible checksum), so an object is stored and checked in one pass without buffering it.
/// </summary>
internal sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash? _md5;
    private readonly S3ChecksumHasher? _checksum;

    public HashingReadStream(Stream inner, bool md5, S3ChecksumAlgorithm? checksum)
    {
        _inner = inner;
        _md5 = md5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
        _checksum = checksum is { } a ? new S3ChecksumHasher(a) : null;
    }

    /// <summary>The bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The MD5 of what was read (only when asked for).</summary>
    public byte[] Md5() => _md5?.GetCurrentHash() ?? throw new InvalidOperationException("MD5 was not requested.");

    /// <summary>The checksum of what was read, base64, or null when none was requested.</summary>
    public string? Checksum() => _checksum?.GetBase64();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        Update(buffer[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Update(buffer.Span[..n]);
        return n;
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
            _md5?.Dispose();
            _checksum?.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Update(ReadOnlySpan<byte> data)
    {
        BytesRead += data.Length;
        _md5?.AppendData(data);
        _checksum?.Append(data);
    }
}
