using Stratus.Protocols.Server;
using Stratus.Signing;

namespace Stratus.Testing.Mock.Auth;

/// <summary>
/// Who sent a request (account, region and service of the signature) or the AWS error that rejects it.
/// For uploads, <see cref="OpenBody"/> turns the body as received into the payload, checking it as it is read.
/// </summary>
public sealed class AuthenticationResult
{
    private readonly ChunkSeed? _chunkSeed;
    private readonly string? _expectedSha256;

    private AuthenticationResult(ServiceError? error, MockAccount? account, AuthScheme scheme, bool verified,
        string? region = null, string? service = null, BodyInfo? body = null, ChunkSeed? chunkSeed = null, string? expectedSha256 = null, string? accessKeyId = null)
    {
        Error = error;
        Account = account;
        Scheme = scheme;
        Verified = verified;
        Region = region;
        Service = service;
        AccessKeyId = scheme == AuthScheme.None ? null : accessKeyId ?? account?.AccessKeyId;
        ContentSha256 = body?.ContentSha256;
        IsAwsChunked = body?.IsAwsChunked ?? false;
        DecodedContentLength = body?.DecodedContentLength;
        Family = body?.Family ?? AuthFamily.S3;
        _chunkSeed = chunkSeed;
        _expectedSha256 = expectedSha256;
    }

    /// <summary>The error to answer with, or null when the request is accepted.</summary>
    public ServiceError? Error { get; }

    /// <summary>Whether the request is accepted (signed correctly, or anonymous, or verification is off).</summary>
    public bool Succeeded => Error is null;

    /// <summary>The calling account; for an anonymous request the default account. Null when <see cref="Succeeded"/> is false.</summary>
    public MockAccount? Account { get; }

    /// <summary>The access key id the request was signed with (when not verifying, perhaps one no account has), or null when anonymous.</summary>
    public string? AccessKeyId { get; }

    /// <summary>Whether the request carried no credentials (the caller decides whether to allow it; S3 denies most such requests).</summary>
    public bool IsAnonymous => Scheme == AuthScheme.None;

    /// <summary>How the request was signed.</summary>
    public AuthScheme Scheme { get; }

    /// <summary>Whether the signature was checked (false when verification is off, or for an anonymous request).</summary>
    public bool Verified { get; }

    /// <summary>The region of the credential scope (SigV4a: the region set when it names one region); null for SigV2 and anonymous requests.</summary>
    public string? Region { get; }

    /// <summary>The signing service of the credential scope; null for SigV2 and anonymous requests.</summary>
    public string? Service { get; }

    /// <summary>The <c>x-amz-content-sha256</c> header, if any.</summary>
    public string? ContentSha256 { get; }

    /// <summary>Whether the body is <c>aws-chunked</c>: read it through <see cref="OpenBody"/>.</summary>
    public bool IsAwsChunked { get; }

    /// <summary>The <c>x-amz-decoded-content-length</c> header of an <c>aws-chunked</c> body, if any.</summary>
    public long? DecodedContentLength { get; }

    private AuthFamily Family { get; }

    /// <summary>
    /// The payload of a body as received: for <c>aws-chunked</c> an <see cref="AwsChunkedDecoder"/> (which checks
    /// the chunk signatures when the request's signature was checked); for a streamed S3 body with a SHA-256 in
    /// <c>x-amz-content-sha256</c>, a stream that checks the hash at its end; otherwise <paramref name="body"/>
    /// itself. The checks throw <see cref="MockServiceException"/> with S3's error.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request was rejected.</exception>
    public Stream OpenBody(Stream body, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Succeeded)
        {
            throw new InvalidOperationException("The request was rejected: " + Error!.Code);
        }
        if (IsAwsChunked)
        {
            // A new signer per body: the chain is state.
            var signer = _chunkSeed is null ? null : new AwsChunkSigner(_chunkSeed.AmzDate, _chunkSeed.Scope, _chunkSeed.Signature, _chunkSeed.SigningKey);
            return new AwsChunkedDecoder(body, signer, DecodedContentLength, leaveOpen);
        }
        if (_expectedSha256 is not null)
        {
            return new Sha256CheckingStream(body, _expectedSha256, Family, AccessKeyId ?? "", leaveOpen);
        }
        return body;
    }

    internal static AuthenticationResult Fail(ServiceError error, AuthScheme scheme) => new(error, null, scheme, verified: false);

    internal static AuthenticationResult Anonymous(MockAccount account, BodyInfo body) => new(null, account, AuthScheme.None, verified: false, body: body);

    internal static AuthenticationResult Accept(MockAccount account, AuthScheme scheme, bool verified, string? region, string? service, BodyInfo body,
        ChunkSeed? chunkSeed = null, string? expectedSha256 = null, string? accessKeyId = null) =>
        new(null, account, scheme, verified, region, service, body, chunkSeed, expectedSha256, accessKeyId);

    /// <summary>The request's signature and signing key, which seed the chain of chunk signatures.</summary>
    internal sealed record ChunkSeed(string AmzDate, string Scope, string Signature, byte[] SigningKey);

    /// <summary>What the request's headers say about its body.</summary>
    internal sealed record BodyInfo(AuthFamily Family, string? ContentSha256, bool IsAwsChunked, long? DecodedContentLength);
}
