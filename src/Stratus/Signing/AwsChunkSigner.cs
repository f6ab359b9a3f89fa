using System.Security.Cryptography;

namespace Stratus.Signing;

/// <summary>
/// Signs the chunks of an <c>aws-chunked</c> body (STREAMING-AWS4-HMAC-SHA256-PAYLOAD): each chunk's
/// signature covers the previous signature (the seed signature of the request for the first chunk) and
/// the chunk's SHA-256, so the chunks form a chain. Not thread-safe: one instance per body.
/// </summary>
public sealed class AwsChunkSigner
{
    /// <summary>The algorithm line of a chunk's string to sign.</summary>
    public const string ChunkAlgorithm = "AWS4-HMAC-SHA256-PAYLOAD";

    private readonly byte[] _signingKey;

    /// <summary>Creates a chunk signer from the request's signing result and signing key.</summary>
    /// <param name="seed">The request's SigV4 result; its signature seeds the chain.</param>
    /// <param name="signingKey">The SigV4 signing key of the request (copied).</param>
    public AwsChunkSigner(SigV4Result seed, ReadOnlySpan<byte> signingKey)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Seed = seed;
        _signingKey = signingKey.ToArray();
        PreviousSignature = seed.Signature;
    }

    /// <summary>The signing result of the request itself (its signature is the seed signature).</summary>
    public SigV4Result Seed { get; }

    /// <summary>The signature of the last chunk signed (the seed signature before the first).</summary>
    public string PreviousSignature { get; private set; }

    /// <summary>The string to sign of a chunk, following <see cref="PreviousSignature"/>.</summary>
    public string ChunkStringToSign(ReadOnlySpan<byte> chunk)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(chunk, hash);
        return string.Concat(
            [ChunkAlgorithm, "\n", Seed.AmzDate, "\n", Seed.CredentialScope, "\n", PreviousSignature, "\n", PayloadHash.Empty, "\n", Convert.ToHexStringLower(hash)]);
    }

    /// <summary>Signs the next chunk (the empty final chunk included) and advances the chain.</summary>
    public string SignChunk(ReadOnlySpan<byte> chunk)
    {
        var signature = SigningHash.HmacSha256Hex(_signingKey, ChunkStringToSign(chunk));
        PreviousSignature = signature;
        return signature;
    }
}
