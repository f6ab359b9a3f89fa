using System.Buffers;
using System.Security.Cryptography;

namespace Stratus.Signing;

/// <summary>Payload hashes for SigV4: SHA-256 as lowercase hex, and the special values AWS accepts instead.</summary>
public static class PayloadHash
{
    /// <summary>The SHA-256 of an empty payload.</summary>
    public const string Empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>S3's marker for a payload that is not signed.</summary>
    public const string Unsigned = "UNSIGNED-PAYLOAD";

    /// <summary>S3's marker for an <c>aws-chunked</c> body whose chunks are each signed.</summary>
    public const string StreamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";

    /// <summary>S3's marker for an <c>aws-chunked</c> body whose chunks are each signed, followed by signed trailing headers.</summary>
    public const string StreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";

    /// <summary>S3's marker for an <c>aws-chunked</c> body whose chunks are not signed, followed by trailing headers (checksums).</summary>
    public const string StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private const int BufferSize = 81920;

    /// <summary>Hashes bytes in place, without copying them.</summary>
    public static string Compute(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return Empty;
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(payload, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Hashes bytes in place, without copying them.</summary>
    public static string Compute(ReadOnlyMemory<byte> payload) => Compute(payload.Span);

    /// <summary>
    /// Hashes a seekable stream from its current position to its end, then puts the position back,
    /// so the same stream can then be sent.
    /// </summary>
    /// <exception cref="ArgumentException">The stream cannot seek.</exception>
    public static string Compute(Stream payload)
    {
        var pending = ComputeCore(payload, async: false, CancellationToken.None);
        // With async: false nothing awaits, so the task has always completed here.
        System.Diagnostics.Debug.Assert(pending.IsCompleted);
        return pending.Result;
    }

    /// <summary>Asynchronous twin of <see cref="Compute(Stream)"/>.</summary>
    public static ValueTask<string> ComputeAsync(Stream payload, CancellationToken cancellationToken = default) =>
        ComputeCore(payload, async: true, cancellationToken);

    private static async ValueTask<string> ComputeCore(Stream payload, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.CanSeek)
        {
            throw new ArgumentException("The payload stream must be seekable to be hashed before it is sent.", nameof(payload));
        }
        var start = payload.Position;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var n = async
                    ? await payload.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)
                    : payload.Read(buffer, 0, BufferSize);
                if (n == 0)
                {
                    break;
                }
                hash.AppendData(buffer, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            payload.Position = start;
        }
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }
}
