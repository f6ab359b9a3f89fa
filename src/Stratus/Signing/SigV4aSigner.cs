using System.Security.Cryptography;
using System.Text;
using Stratus.Credentials;

namespace Stratus.Signing;

/// <summary>
/// AWS Signature Version 4a: SigV4's canonical request, signed with an ECDSA P-256 key derived from the
/// credentials, valid in a set of regions (<c>X-Amz-Region-Set</c>, taken from <see cref="SigV4Options.Region"/>).
/// The credential scope names no region. Signatures are randomized: verify them, never compare them.
/// </summary>
public static class SigV4aSigner
{
    /// <summary>Signs with the <c>Authorization</c> header; adds <c>X-Amz-Date</c>, <c>X-Amz-Region-Set</c> and the token.</summary>
    public static SigV4Result Sign(SigningRequest request, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var key = SigV4aKey.CreateEcdsa(credentials);
        return SigningCore.SignHeaders(request, credentials, options, StringToSign.SigV4aAlgorithm, StringToSign.FormatTime(options.Time), Scope(options), options.Region, EcdsaSign, key);
    }

    /// <summary>Presigns: adds the X-Amz-* query parameters, <c>X-Amz-Region-Set</c> among them.</summary>
    public static SigV4Result Presign(SigningRequest request, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var key = SigV4aKey.CreateEcdsa(credentials);
        return SigningCore.SignQuery(request, credentials, options, StringToSign.SigV4aAlgorithm, StringToSign.FormatTime(options.Time), Scope(options), options.Region, EcdsaSign, key);
    }

    /// <summary>Signs an <see cref="HttpRequestMessage"/> in place (see <see cref="SigV4Signer.Sign(HttpRequestMessage, AwsCredentials, SigV4Options)"/>).</summary>
    public static SigV4Result Sign(HttpRequestMessage message, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = HttpRequestAdapter.ToSigningRequest(message);
        var result = Sign(request, credentials, HttpRequestAdapter.WithPayloadHash(options, message));
        HttpRequestAdapter.CopySignerHeaders(request, message);
        return result;
    }

    /// <summary>Presigns an <see cref="HttpRequestMessage"/> in place: its URI gets the X-Amz-* query parameters.</summary>
    public static SigV4Result Presign(HttpRequestMessage message, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = HttpRequestAdapter.ToSigningRequest(message);
        var result = Presign(request, credentials, HttpRequestAdapter.WithPayloadHash(options, message));
        HttpRequestAdapter.CopyQuery(request, message);
        return result;
    }

    /// <summary>Signs a string to sign: hex of the DER-encoded ECDSA signature over its SHA-256.</summary>
    public static string SignString(ECDsa key, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(stringToSign);
        var signature = key.SignData(Encoding.UTF8.GetBytes(stringToSign), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Convert.ToHexStringLower(signature);
    }

    /// <summary>Checks a signature (hex, DER) over a string to sign against a public key.</summary>
    public static bool Verify(ECDsa publicKey, string stringToSign, string signatureHex)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(stringToSign);
        ArgumentNullException.ThrowIfNull(signatureHex);
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(stringToSign), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static readonly Func<object, string, string> EcdsaSign = static (key, stringToSign) => SignString((ECDsa)key, stringToSign);

    private static string Scope(SigV4Options options) =>
        StringToSign.ScopeV4a(StringToSign.FormatDate(options.Time), options.Service);
}
