namespace Stratus.Signing;

/// <summary>What a SigV4 or SigV4a signer computed, step by step (for logs, tests and chunk signing).</summary>
public sealed class SigV4Result
{
    // SigV4 header signing keeps what the canonical request is made of and makes it (and the string to sign) only
    // when asked: a client never asks, and the two texts were most of a small request's signing bytes.
    private readonly CanonicalParts? _parts;
    private string? _canonicalRequest;
    private string? _stringToSign;
    private string? _signature;

    internal SigV4Result(string algorithm, string amzDate, string credentialScope, string canonicalRequest, string stringToSign, string signedHeaders, string signature, string? authorization)
    {
        Algorithm = algorithm;
        AmzDate = amzDate;
        CredentialScope = credentialScope;
        _canonicalRequest = canonicalRequest;
        _stringToSign = stringToSign;
        SignedHeaders = signedHeaders;
        _signature = signature;
        Authorization = authorization;
    }

    /// <summary>A header signature whose signature ends <paramref name="authorization"/> (<paramref name="signatureLength"/> hex digits).</summary>
    internal SigV4Result(string algorithm, string amzDate, string credentialScope, string signedHeaders, string authorization, int signatureLength, CanonicalParts parts)
    {
        Algorithm = algorithm;
        AmzDate = amzDate;
        CredentialScope = credentialScope;
        SignedHeaders = signedHeaders;
        Authorization = authorization;
        _signatureLength = signatureLength;
        _parts = parts;
    }

    private readonly int _signatureLength;

    /// <summary>The algorithm (<c>AWS4-HMAC-SHA256</c> or <c>AWS4-ECDSA-P256-SHA256</c>).</summary>
    public string Algorithm { get; }

    /// <summary>The signing time as signed (<c>yyyyMMddTHHmmssZ</c>).</summary>
    public string AmzDate { get; }

    /// <summary>The credential scope.</summary>
    public string CredentialScope { get; }

    /// <summary>The canonical request.</summary>
    public string CanonicalRequest => _canonicalRequest ??= _parts!.Build(SignedHeaders);

    /// <summary>The string to sign.</summary>
    public string StringToSign => _stringToSign ??= Signing.StringToSign.Build(Algorithm, AmzDate, CredentialScope, CanonicalRequest);

    /// <summary>The signed header names, joined with ';'.</summary>
    public string SignedHeaders { get; }

    /// <summary>The signature, lowercase hex (SigV4a: hex of the DER-encoded ECDSA signature).</summary>
    public string Signature => _signature ??= Authorization![^_signatureLength..];

    /// <summary>The <c>Authorization</c> header value, or null for a presigned request.</summary>
    public string? Authorization { get; }

    /// <summary>What a canonical request is made of: method, canonical path and query, the sorted headers, the payload hash.</summary>
    internal sealed record CanonicalParts(string Method, string Path, string Query, List<KeyValuePair<string, string>> SortedHeaders, string PayloadHash)
    {
        public string Build(string signedHeaders) =>
            Signing.CanonicalRequest.Build(Method, Path, Query, new CanonicalHeaders(CanonicalHeaders.RenderBlock(SortedHeaders), signedHeaders), PayloadHash);
    }
}
