using System.Security.Cryptography;

namespace Stratus.Testing.Mock.Auth;

/// <summary>
/// Passes a body through, hashing it, and at its end throws <see cref="MockServiceException"/> with
/// XAmzContentSHA256Mismatch when it does not hash to the <c>x-amz-content-sha256</c> the client signed.
/// </summary>
internal sealed class Sha256CheckingStream : Stream
{
    private readonly Stream _inner;
    private readonly string _expected;
    private readonly AuthFamily _family;
    private readonly string _accessKeyId;
    private readonly bool _leaveOpen;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _checked;

    internal Sha256CheckingStream(Stream inner, string expected, AuthFamily family, string accessKeyId, bool leaveOpen)
    {
        _inner = inner;
        _expected = expected;
        _family = family;
        _accessKeyId = accessKeyId;
        _leaveOpen = leaveOpen;
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

    public override int Read(Span<byte> buffer) => Account(buffer, _inner.Read(buffer), buffer.IsEmpty);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span, n, buffer.IsEmpty);
    }

    /// <summary>Hashes what was read; at the end of the body, checks the hash.</summary>
    private int Account(ReadOnlySpan<byte> buffer, int n, bool emptyRead)
    {
        if (n > 0)
        {
            _hash.AppendData(buffer[..n]);
        }
        else if (!emptyRead && !_checked)
        {
            _checked = true;
            var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
            if (!string.Equals(actual, _expected, StringComparison.OrdinalIgnoreCase))
            {
                var error = AuthErrors.ContentSha256Mismatch(_family, _accessKeyId, _expected, actual);
                throw new MockServiceException(error.Code, error.Message, error.StatusCode, error.Fields, error.SenderFault);
            }
        }
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
            _hash.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
