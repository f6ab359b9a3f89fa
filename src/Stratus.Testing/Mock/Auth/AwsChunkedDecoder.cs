using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stratus.Protocols.Server;
using Stratus.Signing;

namespace Stratus.Testing.Mock.Auth;

/// <summary>
/// Reads an <c>aws-chunked</c> body (<c>hex-size[;chunk-signature=sig]\r\n data \r\n</c> per chunk, the empty
/// final chunk, then trailing headers and an empty line) and yields the payload, in constant memory. With a
/// signer it checks every chunk signature in the chain (seeded by the request's signature) as each chunk
/// ends, and the <c>x-amz-trailer-signature</c> of the trailers. The trailers (for example
/// <c>x-amz-checksum-crc32</c>) are in <see cref="Trailers"/> once the stream has been read to its end.
/// </summary>
/// <remarks>
/// Failures throw <see cref="MockServiceException"/> with S3's error: SignatureDoesNotMatch (403) for a bad
/// chunk or trailer signature, IncompleteBody (400) for a body cut short, InvalidRequest (400) for bad
/// framing. A chunk's bytes are handed out before its signature can be checked (the signature covers the
/// whole chunk); the check throws before the next read returns, and always before the end of the stream,
/// so a consumer that reads to the end never accepts a forged body.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix",
    Justification = "Named as the counterpart of the client's AwsChunkedStream: it decodes what that encodes.")]
public sealed class AwsChunkedDecoder : Stream
{
    /// <summary>The longest chunk header or trailer line accepted.</summary>
    public const int MaxLineLength = 4096;

    private const int BufferSize = 32 * 1024;
    private const string SignatureExtension = "chunk-signature=";
    private const string TrailerSignatureName = "x-amz-trailer-signature";

    private readonly Stream _inner;
    private readonly AwsChunkSigner? _signer;
    private readonly long? _decodedLength;
    private readonly bool _leaveOpen;
    private readonly IncrementalHash _chunkHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<KeyValuePair<string, string>> _trailers = [];
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _start;
    private int _end;
    private State _state;
    private long _remaining;
    private long _total;
    private string? _chunkSignature;
    private string? _trailerSignature;
    private Dictionary<string, string>? _trailerMap;

    /// <summary>Wraps a body as received.</summary>
    /// <param name="inner">The encoded body (read forward only).</param>
    /// <param name="signer">
    /// The chunk signer seeded with the request's signature and signing key, to check the chunk signatures;
    /// null to decode without checking (unsigned chunks, or verification off).
    /// </param>
    /// <param name="decodedContentLength">The <c>x-amz-decoded-content-length</c>, checked when known.</param>
    /// <param name="leaveOpen">Leave <paramref name="inner"/> open when this stream is disposed.</param>
    public AwsChunkedDecoder(Stream inner, AwsChunkSigner? signer = null, long? decodedContentLength = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _signer = signer;
        _decodedLength = decodedContentLength;
        _leaveOpen = leaveOpen;
    }

    private enum State
    {
        ChunkHeader,
        Data,
        DataEnd,
        Trailers,
        Done,
    }

    /// <summary>The trailing headers (names lowercased, without <c>x-amz-trailer-signature</c>); empty until the end is read.</summary>
    public IReadOnlyDictionary<string, string> Trailers =>
        _trailerMap ?? (IReadOnlyDictionary<string, string>)System.Collections.Frozen.FrozenDictionary<string, string>.Empty;

    /// <summary>Whether the whole body, trailers included, has been read and checked.</summary>
    public bool IsCompleted => _state == State.Done;

    /// <summary>How many payload bytes have been read so far.</summary>
    public long DecodedBytesRead => _total;

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
        while (true)
        {
            var n = Step(buffer, out var needMore);
            if (!needMore)
            {
                return n;
            }
            var pending = Fill(async: false, CancellationToken.None);
            // With async: false nothing awaits, so the task has always completed here.
            System.Diagnostics.Debug.Assert(pending.IsCompleted);
            pending.GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var n = Step(buffer.Span, out var needMore);
            if (!needMore)
            {
                return n;
            }
            await Fill(async: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Decodes from what is buffered: returns payload bytes copied to <paramref name="destination"/>, or 0 at
    /// the end, or sets <paramref name="needMore"/> when the buffer holds too little to go on.
    /// </summary>
    private int Step(Span<byte> destination, out bool needMore)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        needMore = false;
        while (true)
        {
            switch (_state)
            {
                case State.ChunkHeader:
                    if (!TryReadLine(out var header))
                    {
                        needMore = true;
                        return 0;
                    }
                    StartChunk(header);
                    continue;
                case State.Data:
                    if (destination.IsEmpty)
                    {
                        return 0;
                    }
                    var available = _end - _start;
                    if (available == 0)
                    {
                        needMore = true;
                        return 0;
                    }
                    var n = (int)Math.Min(Math.Min(available, _remaining), destination.Length);
                    var data = _buffer.AsSpan(_start, n);
                    data.CopyTo(destination);
                    _chunkHash.AppendData(data);
                    _start += n;
                    _remaining -= n;
                    _total += n;
                    if (_total > _decodedLength)
                    {
                        throw Failure(AuthErrors.MalformedChunkedBody("the chunks hold more than x-amz-decoded-content-length bytes."));
                    }
                    if (_remaining == 0)
                    {
                        // Check the chunk now that it is whole, before the caller can read past it.
                        EndChunk();
                        _state = State.DataEnd;
                    }
                    return n;
                case State.DataEnd:
                    if (_end - _start < 2)
                    {
                        needMore = true;
                        return 0;
                    }
                    if (_buffer[_start] != '\r' || _buffer[_start + 1] != '\n')
                    {
                        throw Failure(AuthErrors.MalformedChunkedBody("a chunk's data is not followed by CRLF."));
                    }
                    _start += 2;
                    _state = State.ChunkHeader;
                    continue;
                case State.Trailers:
                    if (!TryReadLine(out var line))
                    {
                        needMore = true;
                        return 0;
                    }
                    if (line.Length == 0)
                    {
                        Finish();
                        continue;
                    }
                    AddTrailer(line);
                    continue;
                default:
                    return 0;
            }
        }
    }

    /// <summary>Reads a chunk header: the size in hex, then extensions, of which chunk-signature matters.</summary>
    private void StartChunk(string header)
    {
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        var sizeText = (semicolon < 0 ? header : header[..semicolon]).Trim();
        if (sizeText.Length is 0 or > 15 || !long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
        {
            throw Failure(AuthErrors.MalformedChunkedBody($"bad chunk size '{sizeText}'."));
        }
        _chunkSignature = null;
        if (semicolon >= 0)
        {
            foreach (var extension in header[(semicolon + 1)..].Split(';', StringSplitOptions.TrimEntries))
            {
                if (extension.StartsWith(SignatureExtension, StringComparison.Ordinal))
                {
                    _chunkSignature = extension[SignatureExtension.Length..];
                }
            }
        }
        if (_signer is not null && _chunkSignature is null)
        {
            throw Failure(AuthErrors.SignatureDoesNotMatch(AuthFamily.S3, ""));
        }
        _remaining = size;
        if (size == 0)
        {
            EndChunk();
            _state = State.Trailers;
            return;
        }
        _state = State.Data;
    }

    /// <summary>Checks the signature of the chunk just read (when checking) and starts the next hash.</summary>
    private void EndChunk()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        _chunkHash.GetHashAndReset(hash);
        if (_signer is null)
        {
            return;
        }
        var stringToSign = _signer.ChunkHashStringToSign(hash);
        var expected = _signer.SignChunkHash(hash);
        if (!ConstantTime.Equal(expected, _chunkSignature!))
        {
            throw Failure(AuthErrors.SignatureDoesNotMatch(AuthFamily.S3, "", stringToSign, _chunkSignature));
        }
    }

    private void AddTrailer(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw Failure(AuthErrors.MalformedChunkedBody($"bad trailing header '{line}'."));
        }
        var name = line[..colon].Trim().ToLowerInvariant();
        var value = line[(colon + 1)..].Trim();
        if (name == TrailerSignatureName)
        {
            _trailerSignature = value;
        }
        else
        {
            _trailers.Add(new(name, value));
        }
    }

    /// <summary>The end: checks the trailer signature and the decoded length, and publishes the trailers.</summary>
    private void Finish()
    {
        if (_signer is not null && (_trailers.Count > 0 || _trailerSignature is not null))
        {
            var stringToSign = _signer.TrailerStringToSign(_trailers);
            var expected = _signer.SignTrailer(_trailers);
            if (_trailerSignature is null || !ConstantTime.Equal(expected, _trailerSignature))
            {
                throw Failure(AuthErrors.SignatureDoesNotMatch(AuthFamily.S3, "", stringToSign, _trailerSignature));
            }
        }
        if (_total < _decodedLength)
        {
            throw Failure(AuthErrors.IncompleteBody());
        }
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in _trailers)
        {
            map[name] = map.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }
        _trailerMap = map;
        _state = State.Done;
    }

    /// <summary>Takes one CRLF-terminated line from the buffer, if it holds one.</summary>
    private bool TryReadLine(out string line)
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        var at = span.IndexOf("\r\n"u8);
        if (at < 0)
        {
            if (span.Length >= MaxLineLength)
            {
                throw Failure(AuthErrors.MalformedChunkedBody($"a chunk header or trailer is longer than {MaxLineLength} bytes."));
            }
            line = "";
            return false;
        }
        line = Encoding.UTF8.GetString(span[..at]);
        _start += at + 2;
        return true;
    }

    /// <summary>Reads more of the body into the buffer, keeping what is unread; the body ending here is a truncation.</summary>
    private async ValueTask Fill(bool async, CancellationToken cancellationToken)
    {
        var buffer = _buffer!;
        if (_start > 0)
        {
            Buffer.BlockCopy(buffer, _start, buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        var n = async
            ? await _inner.ReadAsync(buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false)
            : _inner.Read(buffer, _end, buffer.Length - _end);
        if (n == 0)
        {
            throw Failure(AuthErrors.IncompleteBody());
        }
        _end += n;
    }

    private static MockServiceException Failure(ServiceError error) =>
        new(error.Code, error.Message, error.StatusCode, error.Fields, error.SenderFault);

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
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }
            _chunkHash.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
