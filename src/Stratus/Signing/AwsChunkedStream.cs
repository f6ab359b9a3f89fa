using System.Buffers;
using System.Globalization;
using System.Text;

namespace Stratus.Signing;

/// <summary>
/// A read-only stream that encodes a body as <c>aws-chunked</c> frames while it is read:
/// <c>hex-size;chunk-signature=sig\r\n data \r\n</c> per chunk, then the empty final chunk
/// <c>0;chunk-signature=sig\r\n\r\n</c>. Every chunk but the last holds exactly the chunk size, so the
/// encoded length is known in advance (<see cref="EncodedLength"/>).
/// </summary>
public sealed class AwsChunkedStream : Stream
{
    /// <summary>The chunk size AWS SDKs use by default: 64 KiB.</summary>
    public const int DefaultChunkSize = 64 * 1024;

    /// <summary>The smallest chunk size S3 accepts (8 KiB).</summary>
    public const int MinChunkSize = 8 * 1024;

    private const int SignatureLength = 64;
    private static readonly int ExtensionLength = ";chunk-signature=".Length;

    private readonly Stream _inner;
    private readonly AwsChunkSigner _signer;
    private readonly int _chunkSize;
    private readonly bool _leaveOpen;
    private byte[]? _frame;
    private int _frameLength;
    private int _frameOffset;
    private bool _finished;

    /// <summary>Wraps a body.</summary>
    /// <param name="inner">The body to encode (read forward only).</param>
    /// <param name="signer">The chunk signer of the request (from <see cref="SigV4Signer.SignStreaming(SigningRequest, Credentials.AwsCredentials, SigV4Options, long, int)"/>).</param>
    /// <param name="chunkSize">The size of each chunk but the last (at least 8 KiB).</param>
    /// <param name="leaveOpen">Leave <paramref name="inner"/> open when this stream is disposed.</param>
    public AwsChunkedStream(Stream inner, AwsChunkSigner signer, int chunkSize = DefaultChunkSize, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, MinChunkSize);
        _inner = inner;
        _signer = signer;
        _chunkSize = chunkSize;
        _leaveOpen = leaveOpen;
    }

    /// <summary>The encoded length of a body of <paramref name="decodedLength"/> bytes (the request's Content-Length).</summary>
    public static long EncodedLength(long decodedLength, int chunkSize = DefaultChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decodedLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var full = decodedLength / chunkSize;
        var rest = decodedLength % chunkSize;
        var length = full * FrameLength(chunkSize);
        if (rest > 0)
        {
            length += FrameLength(rest);
        }
        return length + FrameLength(0);
    }

    private static long FrameLength(long dataLength) =>
        dataLength.ToString("x", CultureInfo.InvariantCulture).Length + ExtensionLength + SignatureLength + 2 + dataLength + 2;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_frameOffset == _frameLength && !_finished)
        {
            var pending = FillFrame(async: false, CancellationToken.None);
            System.Diagnostics.Debug.Assert(pending.IsCompleted);
            pending.GetAwaiter().GetResult();
        }
        return CopyOut(buffer);
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_frameOffset == _frameLength && !_finished)
        {
            await FillFrame(async: true, cancellationToken).ConfigureAwait(false);
        }
        return CopyOut(buffer.Span);
    }

    private int CopyOut(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _frameLength - _frameOffset);
        if (n > 0)
        {
            _frame.AsSpan(_frameOffset, n).CopyTo(buffer);
            _frameOffset += n;
        }
        return n;
    }

    /// <summary>Reads the next chunk from the body (filling it completely unless the body ends) and encodes its frame.</summary>
    private async ValueTask FillFrame(bool async, CancellationToken cancellationToken)
    {
        _frame ??= ArrayPool<byte>.Shared.Rent(_chunkSize + 128);
        // The data goes where it will sit in the frame; the header, whose length depends on the data's, moves in front after.
        const int dataAt = 96;
        var filled = 0;
        while (filled < _chunkSize)
        {
            var n = async
                ? await _inner.ReadAsync(_frame.AsMemory(dataAt + filled, _chunkSize - filled), cancellationToken).ConfigureAwait(false)
                : _inner.Read(_frame, dataAt + filled, _chunkSize - filled);
            if (n == 0)
            {
                break;
            }
            filled += n;
        }
        var signature = _signer.SignChunk(_frame.AsSpan(dataAt, filled));
        var header = Encoding.ASCII.GetBytes($"{filled:x};chunk-signature={signature}\r\n");
        var start = dataAt - header.Length;
        header.CopyTo(_frame, start);
        var end = dataAt + filled;
        _frame[end++] = (byte)'\r';
        _frame[end++] = (byte)'\n';
        _frameOffset = start;
        _frameLength = end;
        _finished = filled == 0;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_frame is not null)
            {
                ArrayPool<byte>.Shared.Return(_frame);
                _frame = null;
            }
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
