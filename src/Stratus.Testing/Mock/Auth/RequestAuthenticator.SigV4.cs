using System.Globalization;
using System.Security.Cryptography;
using Stratus.Credentials;
using Stratus.Protocols.Server;
using Stratus.Signing;

namespace Stratus.Testing.Mock.Auth;

public sealed partial class RequestAuthenticator
{
    /// <summary>The longest validity of a presigned request: seven days.</summary>
    private const long MaxPresignSeconds = 7 * 24 * 3600;

    /// <summary>SigV4 or SigV4a in the Authorization header.</summary>
    private AuthenticationResult SigV4Header(ServerRequest request, AuthFamily family, string authorization, AuthenticationResult.BodyInfo body, AuthScheme scheme)
    {
        var credential = SigV4Credential.ParseHeader(authorization, out var problem);
        if (credential is null)
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, problem), scheme);
        }
        var region = credential.Region ?? SingleRegion(request.Header("X-Amz-Region-Set"));
        if (!Verify)
        {
            return Identify(credential.AccessKeyId, scheme, region, credential.Service, body);
        }
        var now = _clock.GetUtcNow();
        if (FindAccount(credential.AccessKeyId, family, now, out var account) is { } unknown)
        {
            return AuthenticationResult.Fail(unknown, scheme);
        }

        // The time signed is X-Amz-Date, else the Date header in SigV4's format.
        var sentDate = request.Header("X-Amz-Date");
        DateTimeOffset signedAt;
        string amzDate;
        if (sentDate is not null)
        {
            if (!TryParseAmzDate(sentDate, out signedAt))
            {
                return AuthenticationResult.Fail(AuthErrors.MissingDate(family), scheme);
            }
            amzDate = sentDate;
        }
        else if (TryParseHttpDate(sentDate = request.Header("Date"), out signedAt))
        {
            amzDate = StringToSign.FormatTime(signedAt);
        }
        else
        {
            return AuthenticationResult.Fail(AuthErrors.MissingDate(family), scheme);
        }
        if (credential.Date != amzDate[..8])
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, "The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date."), scheme);
        }
        if (!WithinSkew(signedAt, now))
        {
            return AuthenticationResult.Fail(AuthErrors.TimeTooSkewed(family, sentDate!, signedAt, now, MaxSkew), scheme);
        }
        if (CheckToken(account, request.Header("X-Amz-Security-Token"), family) is { } badToken)
        {
            return AuthenticationResult.Fail(badToken, scheme);
        }

        // The payload hash signed: x-amz-content-sha256 (which S3 requires), else the body's SHA-256.
        string payloadHash;
        if (body.ContentSha256 is { } sent)
        {
            if (!IsKnownPayloadHash(sent))
            {
                return AuthenticationResult.Fail(family == AuthFamily.S3 ? AuthErrors.InvalidContentSha256() : AuthErrors.SignatureDoesNotMatch(family, credential.AccessKeyId), scheme);
            }
            payloadHash = sent;
        }
        else if (family == AuthFamily.S3)
        {
            return AuthenticationResult.Fail(AuthErrors.MissingContentSha256(), scheme);
        }
        else
        {
            payloadHash = PayloadHash.Compute(request.Body.Span);
        }
        if (family == AuthFamily.S3 && UnsignedAmzHeaders(request, credential.SignedHeaders) is { } unsigned)
        {
            return AuthenticationResult.Fail(AuthErrors.HeadersNotSigned(unsigned), scheme);
        }
        if (CheckSignature(request, family, credential, account, amzDate, payloadHash, presigned: false, out var key) is { } mismatch)
        {
            return AuthenticationResult.Fail(mismatch, scheme);
        }
        return Accepted(request, family, credential, account, amzDate, payloadHash, key, scheme, region, body);
    }

    /// <summary>SigV4 or SigV4a in the query string (a presigned URL).</summary>
    private AuthenticationResult SigV4Query(ServerRequest request, AuthFamily family, AuthenticationResult.BodyInfo body)
    {
        var credential = SigV4Credential.ParseQuery(
            request.QueryValue("X-Amz-Algorithm"), request.QueryValue("X-Amz-Credential"),
            request.QueryValue("X-Amz-SignedHeaders"), request.QueryValue("X-Amz-Signature"), out var problem);
        if (credential is null)
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, problem, inQuery: true), AuthScheme.SigV4Query);
        }
        var scheme = credential.IsV4a ? AuthScheme.SigV4aQuery : AuthScheme.SigV4Query;
        var region = credential.Region ?? SingleRegion(request.QueryValue("X-Amz-Region-Set"));
        if (!Verify)
        {
            return Identify(credential.AccessKeyId, scheme, region, credential.Service, body);
        }
        var now = _clock.GetUtcNow();
        if (FindAccount(credential.AccessKeyId, family, now, out var account) is { } unknown)
        {
            return AuthenticationResult.Fail(unknown, scheme);
        }
        var amzDate = request.QueryValue("X-Amz-Date");
        if (!TryParseAmzDate(amzDate, out var signedAt))
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"", inQuery: true), scheme);
        }
        if (!long.TryParse(request.QueryValue("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, "X-Amz-Expires should be a number", inQuery: true), scheme);
        }
        if (expires > MaxPresignSeconds)
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, "X-Amz-Expires must be less than a week (in seconds) that is 604800", inQuery: true), scheme);
        }
        if (credential.Date != amzDate![..8])
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, "Invalid credential date. Date is not the same as X-Amz-Date.", inQuery: true), scheme);
        }
        if (signedAt - now > MaxSkew)
        {
            return AuthenticationResult.Fail(AuthErrors.PresignNotYetValid(family, signedAt, now, MaxSkew), scheme);
        }
        var expiresAt = signedAt.AddSeconds(expires);
        if (now > expiresAt)
        {
            return AuthenticationResult.Fail(AuthErrors.PresignExpired(family, signedAt, expiresAt, now, expires), scheme);
        }
        if (CheckToken(account, request.QueryValue("X-Amz-Security-Token") ?? request.Header("X-Amz-Security-Token"), family) is { } badToken)
        {
            return AuthenticationResult.Fail(badToken, scheme);
        }
        // S3 presigned URLs leave the payload unsigned; other services sign the body's hash.
        var payloadHash = body.ContentSha256
            ?? (family == AuthFamily.S3 ? PayloadHash.Unsigned : PayloadHash.Compute(request.Body.Span));
        if (CheckSignature(request, family, credential, account, amzDate, payloadHash, presigned: true, out var key) is { } mismatch)
        {
            return AuthenticationResult.Fail(mismatch, scheme);
        }
        return Accepted(request, family, credential, account, amzDate, payloadHash, key, scheme, region, body);
    }

    /// <summary>
    /// Rebuilds the canonical request from the signed headers only, the path as sent (S3) or normalized
    /// and encoded again (every other service), the query and the payload hash, and checks the signature.
    /// </summary>
    private static ServiceError? CheckSignature(ServerRequest request, AuthFamily family, SigV4Credential credential, MockAccount account,
        string amzDate, string payloadHash, bool presigned, out byte[]? signingKey)
    {
        var s3 = family == AuthFamily.S3;
        var path = CanonicalPath.Build(request.Path, doubleEncode: !s3, normalize: !s3);
        var query = CanonicalQuery.Build(presigned ? request.Query.Where(static p => p.Key != "X-Amz-Signature") : request.Query);
        var headers = CanonicalHeaders.Build(SignedHeaderValues(request, credential.SignedHeaders));
        var canonical = CanonicalRequest.Build(request.Method, path, query, headers, payloadHash);
        var stringToSign = StringToSign.Build(credential.Algorithm, amzDate, credential.Scope, canonical);
        bool valid;
        if (credential.IsV4a)
        {
            signingKey = null;
            using var key = SigV4aKey.CreateEcdsa(new AwsCredentials(account.AccessKeyId, account.SecretAccessKey));
            try
            {
                valid = SigV4aSigner.Verify(key, stringToSign, credential.Signature);
            }
            catch (CryptographicException)
            {
                valid = false;
            }
        }
        else
        {
            signingKey = SigV4Signer.DeriveSigningKey(account.SecretAccessKey, credential.Date, credential.Region!, credential.Service);
            valid = ConstantTime.Equal(SigV4Signer.ComputeSignature(signingKey, stringToSign), credential.Signature);
        }
        return valid ? null : AuthErrors.SignatureDoesNotMatch(family, credential.AccessKeyId, stringToSign, credential.Signature, canonical);
    }

    /// <summary>
    /// The accepted result, after the checks the signature cannot make: a buffered body must hash to the
    /// x-amz-content-sha256 signed (a streamed one is checked as it is read), and signed chunks are seeded.
    /// </summary>
    private static AuthenticationResult Accepted(ServerRequest request, AuthFamily family, SigV4Credential credential, MockAccount account,
        string amzDate, string payloadHash, byte[]? signingKey, AuthScheme scheme, string? region, AuthenticationResult.BodyInfo body)
    {
        string? streamedSha256 = null;
        if (body.ContentSha256 is not null && IsSha256Hex(payloadHash) && !body.IsAwsChunked)
        {
            if (request.BodyStream is not null)
            {
                streamedSha256 = payloadHash;
            }
            else if (PayloadHash.Compute(request.Body.Span) is var actual && !string.Equals(actual, payloadHash, StringComparison.OrdinalIgnoreCase))
            {
                return AuthenticationResult.Fail(AuthErrors.ContentSha256Mismatch(family, credential.AccessKeyId, payloadHash, actual), scheme);
            }
        }
        AuthenticationResult.ChunkSeed? seed = null;
        if (body.IsAwsChunked && signingKey is not null && payloadHash is PayloadHash.StreamingSigned or PayloadHash.StreamingSignedTrailer)
        {
            seed = new AuthenticationResult.ChunkSeed(amzDate, credential.Scope, credential.Signature, signingKey);
        }
        return AuthenticationResult.Accept(account, scheme, verified: true, region, credential.Service, body, seed, streamedSha256);
    }

    /// <summary>The signed headers' values, as received; <c>host</c> from the request's host when no such header was kept.</summary>
    private static List<KeyValuePair<string, string>> SignedHeaderValues(ServerRequest request, string signedHeaders)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var name in signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var value = request.Header(name) ?? (name.Equals("host", StringComparison.OrdinalIgnoreCase) ? request.Host : "");
            list.Add(new(name, value));
        }
        return list;
    }

    /// <summary>The x-amz-* headers S3 finds unsigned (joined with ';'), or null when every one is signed.</summary>
    private static string? UnsignedAmzHeaders(ServerRequest request, string signedHeaders)
    {
        var signed = new HashSet<string>(signedHeaders.Split(';'), StringComparer.OrdinalIgnoreCase);
        var missing = request.Headers.Keys
            .Where(name => name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase) && !signed.Contains(name))
            .Select(static name => name.ToLowerInvariant())
            .Order(StringComparer.Ordinal)
            .ToList();
        return missing.Count == 0 ? null : string.Join(';', missing);
    }

    /// <summary>A SHA-256 in hex, or one of the markers S3 accepts in its place.</summary>
    private static bool IsKnownPayloadHash(string value) =>
        IsSha256Hex(value) || value is PayloadHash.Unsigned or PayloadHash.StreamingSigned or PayloadHash.StreamingSignedTrailer
            or PayloadHash.StreamingUnsignedTrailer or "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD" or "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER";

    private static bool IsSha256Hex(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);

    /// <summary>The region of a SigV4a region set when it names exactly one, else null.</summary>
    private static string? SingleRegion(string? regionSet) =>
        regionSet is null || regionSet.Contains(',', StringComparison.Ordinal) || regionSet.Contains('*', StringComparison.Ordinal) ? null : regionSet.Trim();
}
