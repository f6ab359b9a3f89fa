namespace Stratus.Signing;

/// <summary>What a SigV4 or SigV4a signer computed, step by step (for logs, tests and chunk signing).</summary>
public sealed class SigV4Result
{
    internal SigV4Result(string algorithm, string amzDate, string credentialScope, string canonicalRequest, string stringToSign, string signedHeaders, string signature, string? authorization)
    {
        Algorithm = algorithm;
        AmzDate = amzDate;
        CredentialScope = credentialScope;
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
        SignedHeaders = signedHeaders;
        Signature = signature;
        Authorization = authorization;
    }

    /// <summary>The algorithm (<c>AWS4-HMAC-SHA256</c> or <c>AWS4-ECDSA-P256-SHA256</c>).</summary>
    public string Algorithm { get; }

    /// <summary>The signing time as signed (<c>yyyyMMddTHHmmssZ</c>).</summary>
    public string AmzDate { get; }

    /// <summary>The credential scope.</summary>
    public string CredentialScope { get; }

    /// <summary>The canonical request.</summary>
    public string CanonicalRequest { get; }

    /// <summary>The string to sign.</summary>
    public string StringToSign { get; }

    /// <summary>The signed header names, joined with ';'.</summary>
    public string SignedHeaders { get; }

    /// <summary>The signature, lowercase hex (SigV4a: hex of the DER-encoded ECDSA signature).</summary>
    public string Signature { get; }

    /// <summary>The <c>Authorization</c> header value, or null for a presigned request.</summary>
    public string? Authorization { get; }
}
