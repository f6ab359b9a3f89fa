using System.Globalization;
using Stratus.Protocols.Server;
using Stratus.Signing;

namespace Stratus.Testing.Mock.Auth;

/// <summary>
/// Checks a request's signature as AWS would and says who sent it: SigV4 and SigV4a (Authorization
/// header or presigned query), S3's SigV2 (header or query) and the query services' SigV2. Every
/// computation is the client's own (<see cref="Stratus.Signing"/>); only the parsing and the checks live
/// here. Thread-safe.
/// </summary>
public sealed partial class RequestAuthenticator
{
    private readonly MockAccounts _accounts;
    private readonly TimeProvider _clock;

    /// <summary>Creates an authenticator.</summary>
    /// <param name="accounts">The keys the cloud accepts.</param>
    /// <param name="clock">The clock that decides skew and expiry; default the system clock.</param>
    /// <param name="verify">
    /// Whether to check signatures. When false a request is only identified: the account of its access key
    /// when known, else <paramref name="defaultAccount"/>.
    /// </param>
    /// <param name="defaultAccount">The account of anonymous (and, unverified, unknown) callers; default <see cref="MockAccount.Default"/>.</param>
    public RequestAuthenticator(MockAccounts accounts, TimeProvider? clock = null, bool verify = true, MockAccount? defaultAccount = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _accounts = accounts;
        _clock = clock ?? TimeProvider.System;
        Verify = verify;
        DefaultAccount = defaultAccount ?? MockAccount.Default;
    }

    /// <summary>Whether signatures are checked.</summary>
    public bool Verify { get; }

    /// <summary>The account reported for anonymous requests (and, when not verifying, for unknown keys).</summary>
    public MockAccount DefaultAccount { get; }

    /// <summary>How far a request's time may be from the clock: 15 minutes, as AWS allows.</summary>
    public TimeSpan MaxSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The family whose errors a service answers with, from its model's protocol and signing name.</summary>
    /// <param name="protocol">The model's protocol (<c>rest-xml</c>, <c>query</c>, <c>ec2</c>, <c>json</c>, <c>rest-json</c>, <c>smithy-rpc-v2-cbor</c>).</param>
    /// <param name="signingName">The service's signing name (S3 is recognized by <c>s3</c>).</param>
    public static AuthFamily FamilyOf(string protocol, string? signingName) => protocol switch
    {
        "rest-xml" when signingName is not null && signingName.StartsWith("s3", StringComparison.Ordinal) => AuthFamily.S3,
        "ec2" => AuthFamily.Ec2,
        "json" or "smithy-rpc-v2-cbor" => AuthFamily.Json,
        "rest-json" => AuthFamily.RestJson,
        _ => AuthFamily.Query,
    };

    /// <summary>Authenticates a request.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="family">The service's family: its error codes, and whether the path is signed as sent (S3) or normalized and encoded again.</param>
    /// <param name="virtualHostBucket">
    /// For S3 SigV2: the bucket a virtual-hosted request addressed by its host, whose path-style resource
    /// (<c>/bucket/key</c>) was signed.
    /// </param>
    public AuthenticationResult Authenticate(ServerRequest request, AuthFamily family, string? virtualHostBucket = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = BodyOf(request, family);
        var authorization = request.Header("Authorization");
        if (authorization is not null)
        {
            if (authorization.StartsWith(StringToSign.SigV4Algorithm + " ", StringComparison.Ordinal))
            {
                return SigV4Header(request, family, authorization, body, AuthScheme.SigV4);
            }
            if (authorization.StartsWith(StringToSign.SigV4aAlgorithm + " ", StringComparison.Ordinal))
            {
                return SigV4Header(request, family, authorization, body, AuthScheme.SigV4a);
            }
            if (authorization.StartsWith("AWS ", StringComparison.Ordinal))
            {
                return S3SigV2Header(request, family, authorization[4..], body, virtualHostBucket);
            }
            return AuthenticationResult.Fail(
                family == AuthFamily.S3
                    ? new ServiceError("InvalidArgument", "Unsupported Authorization Type", 400)
                    : AuthErrors.Malformed(family, $"Authorization header requires a supported algorithm. Authorization={authorization}"),
                AuthScheme.None);
        }
        if (request.HasQuery("X-Amz-Algorithm") || request.HasQuery("X-Amz-Credential") || request.HasQuery("X-Amz-Signature"))
        {
            return SigV4Query(request, family, body);
        }
        if (request.HasQuery("AWSAccessKeyId") && !request.HasQuery("SignatureVersion") && family == AuthFamily.S3)
        {
            return S3SigV2Query(request, family, body, virtualHostBucket);
        }
        var form = SigV2Parameters(request);
        if (form is not null)
        {
            return SigV2(request, family, form, body);
        }
        return AuthenticationResult.Anonymous(DefaultAccount, body);
    }

    /// <summary>The account for a key when not verifying: its own when known, else the default one.</summary>
    private AuthenticationResult Identify(string accessKeyId, AuthScheme scheme, string? region, string? service, AuthenticationResult.BodyInfo body) =>
        AuthenticationResult.Accept(_accounts.Find(accessKeyId, _clock.GetUtcNow()) ?? DefaultAccount, scheme, verified: false, region, service, body, accessKeyId: accessKeyId);

    /// <summary>Finds the account of a key, or the error for an unknown or expired one.</summary>
    private ServiceError? FindAccount(string accessKeyId, AuthFamily family, DateTimeOffset now, out MockAccount account)
    {
        var found = _accounts.Find(accessKeyId, now);
        if (found is not null)
        {
            account = found;
            return null;
        }
        account = DefaultAccount;
        // Find hides expired keys; asking as of the beginning of time tells an expired key from an unknown one.
        return _accounts.Find(accessKeyId, DateTimeOffset.MinValue) is not null
            ? AuthErrors.ExpiredToken(family)
            : AuthErrors.InvalidAccessKeyId(family, accessKeyId);
    }

    /// <summary>A temporary key needs its own session token; a permanent key takes none.</summary>
    private static ServiceError? CheckToken(MockAccount account, string? token, AuthFamily family)
    {
        if (account.SessionToken is null)
        {
            return string.IsNullOrEmpty(token) ? null : AuthErrors.InvalidToken(family);
        }
        return token is not null && ConstantTime.Equal(account.SessionToken, token) ? null : AuthErrors.InvalidToken(family);
    }

    /// <summary>Whether a request's time is within <see cref="MaxSkew"/> of the clock.</summary>
    private bool WithinSkew(DateTimeOffset time, DateTimeOffset now) => (time - now).Duration() <= MaxSkew;

    private static AuthenticationResult.BodyInfo BodyOf(ServerRequest request, AuthFamily family)
    {
        var sha = request.Header("x-amz-content-sha256");
        var chunked = (sha is not null && sha.StartsWith("STREAMING-", StringComparison.Ordinal))
            || (request.Header("Content-Encoding") is { } coding && coding.Contains("aws-chunked", StringComparison.OrdinalIgnoreCase));
        long? decoded = long.TryParse(request.Header("x-amz-decoded-content-length"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new AuthenticationResult.BodyInfo(family, sha, chunked, decoded);
    }

    /// <summary>Reads <c>yyyyMMddTHHmmssZ</c>.</summary>
    private static bool TryParseAmzDate(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>Reads an HTTP date (RFC 1123, or the other forms clients send, such as <c>+0000</c> for GMT).</summary>
    private static bool TryParseHttpDate(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>The request as a signer sees it, for the signers' string-to-sign functions.</summary>
    private static SigningRequest ToSigningRequest(ServerRequest request)
    {
        var signing = new SigningRequest { Method = request.Method, Path = request.Path, Host = request.Host };
        signing.Query.AddRange(request.Query);
        foreach (var (name, value) in request.Headers)
        {
            signing.Headers[name] = value;
        }
        return signing;
    }
}
