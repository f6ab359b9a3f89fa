using Stratus.Credentials;

namespace Stratus.Signing;

/// <summary>
/// AWS Signature Version 4 as pure functions: every input (credentials, time, region, service,
/// payload hash) is explicit, so the same inputs always give the same signature. Derived signing
/// keys are cached process-wide.
/// </summary>
public static partial class SigV4Signer
{
    /// <summary>
    /// Signs with the <c>Authorization</c> header. Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>
    /// (temporary credentials) and, for S3, <c>x-amz-content-sha256</c> to the request's headers.
    /// </summary>
    public static SigV4Result Sign(SigningRequest request, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        var (amzDate, scope, key) = Scheme(credentials, options);
        return SigningCore.SignHeadersV4(request, credentials, options, amzDate, scope, key);
    }

    /// <summary>
    /// Presigns: adds <c>X-Amz-Algorithm</c>, <c>X-Amz-Credential</c>, <c>X-Amz-Date</c>,
    /// <c>X-Amz-Expires</c>, <c>X-Amz-SignedHeaders</c>, <c>X-Amz-Security-Token</c> and
    /// <c>X-Amz-Signature</c> to the request's query. For S3 pass <see cref="PayloadHash.Unsigned"/>.
    /// </summary>
    public static SigV4Result Presign(SigningRequest request, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        var (amzDate, scope, key) = Scheme(credentials, options);
        return SigningCore.SignQuery(request, credentials, options, StringToSign.SigV4Algorithm, amzDate, scope, null, HmacSign, key);
    }

    /// <summary>Derives the signing key for a secret, a date (<c>yyyyMMdd</c>), a region and a service (a new array, not cached).</summary>
    public static byte[] DeriveSigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = new byte[32];
        SigningKeyCache.Derive(secretAccessKey, date, region, service, key);
        return key;
    }

    /// <summary>The SigV4 signature of a string to sign: lowercase hex HMAC-SHA256 under the signing key.</summary>
    public static string ComputeSignature(ReadOnlySpan<byte> signingKey, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        return SigningHash.HmacSha256Hex(signingKey, stringToSign);
    }

    /// <summary>The cached signing key for these credentials and options.</summary>
    internal static byte[] SigningKey(AwsCredentials credentials, SigV4Options options) =>
        SigningKeyCache.Shared.Get(credentials.SecretAccessKey, StringToSign.FormatDate(options.Time), options.Region, options.Service);

    private static readonly Func<object, string, string> HmacSign = static (key, stringToSign) => SigningHash.HmacSha256Hex((byte[])key, stringToSign);

    // The time formatted once: X-Amz-Date, and its date for the key and the scope.
    private static (string AmzDate, string Scope, byte[] Key) Scheme(AwsCredentials credentials, SigV4Options options)
    {
        var amzDate = StringToSign.FormatTimeCached(options.Time);
        var date = StringToSign.FormatDate(options.Time);
        var key = SigningKeyCache.Shared.Get(credentials.SecretAccessKey, date, options.Region, options.Service);
        return (amzDate, StringToSign.Scope(date, options.Region, options.Service), key);
    }
}
