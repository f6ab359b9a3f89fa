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

    /// <summary>The algorithm line of the trailing headers' string to sign.</summary>
    public const string TrailerAlgorithm = "AWS4-HMAC-SHA256-TRAILER";

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

    /// <summary>
    /// Creates a chunk signer from the parts of a seed signature a server reads off a request (to verify
    /// the chunks it receives). <see cref="Seed"/> then holds only these parts; its canonical request,
    /// string to sign and signed headers are empty.
    /// </summary>
    /// <param name="amzDate">The request's signing time as signed (<c>yyyyMMddTHHmmssZ</c>).</param>
    /// <param name="credentialScope">The request's credential scope.</param>
    /// <param name="seedSignature">The request's signature, which seeds the chain.</param>
    /// <param name="signingKey">The SigV4 signing key (copied).</param>
    public AwsChunkSigner(string amzDate, string credentialScope, string seedSignature, ReadOnlySpan<byte> signingKey)
        : this(new SigV4Result(StringToSign.SigV4Algorithm, amzDate, credentialScope, "", "", "", seedSignature, null), signingKey)
    {
        ArgumentNullException.ThrowIfNull(amzDate);
        ArgumentNullException.ThrowIfNull(credentialScope);
        ArgumentNullException.ThrowIfNull(seedSignature);
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
        return ChunkHashStringToSign(hash);
    }

    /// <summary>The string to sign of a chunk given its SHA-256 (for chunks hashed as they stream).</summary>
    public string ChunkHashStringToSign(ReadOnlySpan<byte> chunkSha256) =>
        string.Concat(
            [ChunkAlgorithm, "\n", Seed.AmzDate, "\n", Seed.CredentialScope, "\n", PreviousSignature, "\n", PayloadHash.Empty, "\n", Convert.ToHexStringLower(chunkSha256)]);

    /// <summary>Signs the next chunk (the empty final chunk included) and advances the chain.</summary>
    public string SignChunk(ReadOnlySpan<byte> chunk)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(chunk, hash);
        return SignChunkHash(hash);
    }

    /// <summary>Signs the next chunk given its SHA-256 and advances the chain.</summary>
    public string SignChunkHash(ReadOnlySpan<byte> chunkSha256) => Advance(ChunkHashStringToSign(chunkSha256));

    /// <summary>
    /// The string to sign of the trailing headers (sent after the final chunk), following
    /// <see cref="PreviousSignature"/>: it covers the SHA-256 of their canonical form (<c>name:value\n</c>, sorted).
    /// </summary>
    public string TrailerStringToSign(IEnumerable<KeyValuePair<string, string>> trailers)
    {
        var canonical = CanonicalHeaders.Build(trailers).Canonical;
        return string.Concat([TrailerAlgorithm, "\n", Seed.AmzDate, "\n", Seed.CredentialScope, "\n", PreviousSignature, "\n", SigningHash.Sha256Hex(canonical)]);
    }

    /// <summary>Signs the trailing headers (the value of <c>x-amz-trailer-signature</c>) and advances the chain.</summary>
    public string SignTrailer(IEnumerable<KeyValuePair<string, string>> trailers) => Advance(TrailerStringToSign(trailers));

    private string Advance(string stringToSign)
    {
        var signature = SigningHash.HmacSha256Hex(_signingKey, stringToSign);
        PreviousSignature = signature;
        return signature;
    }
}
