using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols.Server;
using Stratus.Signing;

namespace Stratus.Testing.Mock.Auth;

/// <summary>
/// The errors AWS answers an unauthenticated or badly signed request with, per service family: the same
/// failure is <c>SignatureDoesNotMatch</c> (403) in S3 and STS, <c>AuthFailure</c> (401) in EC2 and
/// <c>InvalidSignatureException</c> (400) in DynamoDB.
/// </summary>
public static class AuthErrors
{
    private const string BadSignature =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private const string S3BadSignature =
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.";

    private const string InvalidTokenMessage = "The security token included in the request is invalid.";
    private const string Ec2AuthFailure = "AWS was not able to validate the provided access credentials";

    /// <summary>The access key id is unknown.</summary>
    public static ServiceError InvalidAccessKeyId(AuthFamily family, string accessKeyId) => family switch
    {
        AuthFamily.S3 => new("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403,
            new JsonObject { ["AWSAccessKeyId"] = accessKeyId }),
        AuthFamily.Ec2 => new("AuthFailure", Ec2AuthFailure, 401),
        AuthFamily.Json => new("UnrecognizedClientException", InvalidTokenMessage, 400),
        AuthFamily.RestJson => new("UnrecognizedClientException", InvalidTokenMessage, 403),
        _ => new("InvalidClientTokenId", InvalidTokenMessage, 403),
    };

    /// <summary>
    /// The signature does not verify. S3 shows what it computed (string to sign, canonical request), as
    /// AWS does, so a test can see why.
    /// </summary>
    public static ServiceError SignatureDoesNotMatch(AuthFamily family, string accessKeyId, string? stringToSign = null, string? signatureProvided = null, string? canonicalRequest = null)
    {
        switch (family)
        {
            case AuthFamily.S3:
                var fields = new JsonObject();
                if (accessKeyId.Length > 0)
                {
                    fields["AWSAccessKeyId"] = accessKeyId;
                }
                if (stringToSign is not null)
                {
                    fields["StringToSign"] = stringToSign;
                }
                if (signatureProvided is not null)
                {
                    fields["SignatureProvided"] = signatureProvided;
                }
                if (canonicalRequest is not null)
                {
                    fields["CanonicalRequest"] = canonicalRequest;
                }
                return new("SignatureDoesNotMatch", S3BadSignature, 403, fields);
            case AuthFamily.Ec2:
                return new("AuthFailure", Ec2AuthFailure, 401);
            case AuthFamily.Json:
                return new("InvalidSignatureException", BadSignature, 400);
            case AuthFamily.RestJson:
                return new("InvalidSignatureException", BadSignature, 403);
            default:
                return new("SignatureDoesNotMatch", BadSignature, 403);
        }
    }

    /// <summary>The session token is missing, wrong, or sent with a permanent key.</summary>
    public static ServiceError InvalidToken(AuthFamily family) => family switch
    {
        AuthFamily.S3 => new("InvalidToken", "The provided token is malformed or otherwise invalid.", 400),
        _ => InvalidAccessKeyId(family, ""),
    };

    /// <summary>The access key is a temporary one that has expired.</summary>
    public static ServiceError ExpiredToken(AuthFamily family) => family switch
    {
        AuthFamily.S3 => new("ExpiredToken", "The provided token has expired.", 400),
        AuthFamily.Ec2 => new("AuthFailure", Ec2AuthFailure, 401),
        AuthFamily.Json => new("ExpiredTokenException", "The security token included in the request is expired", 400),
        AuthFamily.RestJson => new("ExpiredTokenException", "The security token included in the request is expired", 403),
        _ => new("ExpiredToken", "The security token included in the request is expired", 403),
    };

    /// <summary>The request's time is further than <paramref name="maxSkew"/> from the server's.</summary>
    /// <param name="family">The service family.</param>
    /// <param name="requestTime">The request's time as sent (X-Amz-Date or Date).</param>
    /// <param name="signedAt">The request's time, parsed.</param>
    /// <param name="now">The server's time.</param>
    /// <param name="maxSkew">The allowed skew (AWS: 15 minutes).</param>
    public static ServiceError TimeTooSkewed(AuthFamily family, string requestTime, DateTimeOffset signedAt, DateTimeOffset now, TimeSpan maxSkew) => family switch
    {
        AuthFamily.S3 => new("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403, new JsonObject
        {
            ["RequestTime"] = requestTime,
            ["ServerTime"] = IsoSeconds(now),
            ["MaxAllowedSkewMilliseconds"] = (long)maxSkew.TotalMilliseconds,
        }),
        AuthFamily.Ec2 => new("RequestExpired", "Request has expired.", 400),
        _ => SignatureDoesNotMatchMessage(family, SkewMessage(signedAt, now, maxSkew)),
    };

    /// <summary>A presigned request is used after its expiry (signing time plus X-Amz-Expires or S3 SigV2's Expires).</summary>
    /// <param name="family">The service family.</param>
    /// <param name="signedAt">The signing time.</param>
    /// <param name="expiresAt">When the request expired.</param>
    /// <param name="now">The server's time.</param>
    /// <param name="expiresSeconds">X-Amz-Expires, or null for S3 SigV2 (which sends the expiry itself).</param>
    public static ServiceError PresignExpired(AuthFamily family, DateTimeOffset signedAt, DateTimeOffset expiresAt, DateTimeOffset now, long? expiresSeconds)
    {
        switch (family)
        {
            case AuthFamily.S3:
                var fields = new JsonObject();
                if (expiresSeconds is not null)
                {
                    fields["X-Amz-Expires"] = expiresSeconds.Value.ToString(CultureInfo.InvariantCulture);
                }
                fields["Expires"] = IsoSeconds(expiresAt);
                fields["ServerTime"] = IsoSeconds(now);
                return new("AccessDenied", "Request has expired", 403, fields);
            case AuthFamily.Ec2:
                return new("RequestExpired", "Request has expired.", 400);
            default:
                var window = expiresAt - signedAt;
                return SignatureDoesNotMatchMessage(family, string.Create(CultureInfo.InvariantCulture,
                    $"Signature expired: {AmzTime(signedAt)} is now earlier than {AmzTime(now - window)} ({AmzTime(now)} - {window.TotalMinutes:0.##} min.)"));
        }
    }

    /// <summary>A presigned request whose signing time is too far in the future.</summary>
    public static ServiceError PresignNotYetValid(AuthFamily family, DateTimeOffset signedAt, DateTimeOffset now, TimeSpan maxSkew) => family switch
    {
        AuthFamily.S3 => new("AccessDenied", "Request is not valid yet", 403),
        _ => TimeTooSkewed(family, AmzTime(signedAt), signedAt, now, maxSkew),
    };

    /// <summary>The Authorization header or the presign parameters cannot be read.</summary>
    /// <param name="family">The service family.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="inQuery">The signature was in the query string (S3 then says AuthorizationQueryParametersError).</param>
    public static ServiceError Malformed(AuthFamily family, string message, bool inQuery = false) => family switch
    {
        AuthFamily.S3 => new(inQuery ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed", message, 400),
        AuthFamily.Json => new("IncompleteSignatureException", message, 400),
        AuthFamily.RestJson => new("IncompleteSignatureException", message, 403),
        _ => new("IncompleteSignature", message, 400),
    };

    /// <summary>Neither X-Amz-Date nor Date is present and valid.</summary>
    public static ServiceError MissingDate(AuthFamily family) => family switch
    {
        AuthFamily.S3 => new("AccessDenied", "AWS authentication requires a valid Date or x-amz-date header", 403),
        _ => Malformed(family, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."),
    };

    /// <summary>
    /// No credentials at all. The authenticator reports such requests as anonymous; a service that
    /// requires authentication answers with this.
    /// </summary>
    public static ServiceError MissingAuthentication(AuthFamily family) => family switch
    {
        AuthFamily.S3 => new("AccessDenied", "Access Denied", 403),
        AuthFamily.Ec2 => new("MissingAuthenticationToken", "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.", 401),
        AuthFamily.Json => new("MissingAuthenticationTokenException", "Missing Authentication Token", 400),
        AuthFamily.RestJson => new("MissingAuthenticationTokenException", "Missing Authentication Token", 403),
        _ => new("MissingAuthenticationToken", "Request is missing Authentication Token", 403),
    };

    /// <summary>S3 SigV4 header authentication without the required <c>x-amz-content-sha256</c> header.</summary>
    public static ServiceError MissingContentSha256() =>
        new("InvalidRequest", "Missing required header for this request: x-amz-content-sha256", 400);

    /// <summary>An <c>x-amz-content-sha256</c> that is neither a SHA-256 nor one of the values S3 defines.</summary>
    public static ServiceError InvalidContentSha256() =>
        new("InvalidArgument", "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.", 400);

    /// <summary>S3 SigV4 header authentication with <c>x-amz-*</c> headers left out of SignedHeaders.</summary>
    public static ServiceError HeadersNotSigned(string headers) =>
        new("AccessDenied", "There were headers present in the request which were not signed", 403, new JsonObject { ["HeadersNotSigned"] = headers });

    /// <summary>The body does not hash to the <c>x-amz-content-sha256</c> the client signed.</summary>
    public static ServiceError ContentSha256Mismatch(AuthFamily family, string accessKeyId, string clientHash, string computedHash) => family switch
    {
        AuthFamily.S3 => new("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, new JsonObject
        {
            ["ClientComputedContentSHA256"] = clientHash,
            ["S3ComputedContentSHA256"] = computedHash,
        }),
        _ => SignatureDoesNotMatch(family, accessKeyId),
    };

    /// <summary>The body ended before the length it announced (Content-Length or x-amz-decoded-content-length).</summary>
    public static ServiceError IncompleteBody() =>
        new("IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header", 400);

    /// <summary>An <c>aws-chunked</c> body whose framing cannot be read.</summary>
    public static ServiceError MalformedChunkedBody(string detail) =>
        new("InvalidRequest", "The aws-chunked request body is malformed: " + detail, 400);

    private static ServiceError SignatureDoesNotMatchMessage(AuthFamily family, string message)
    {
        var error = SignatureDoesNotMatch(family, "");
        return error with { Message = message, Fields = null };
    }

    /// <summary>The message AWS gives for a stale or future X-Amz-Date outside S3.</summary>
    private static string SkewMessage(DateTimeOffset signedAt, DateTimeOffset now, TimeSpan maxSkew)
    {
        var minutes = maxSkew.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        return signedAt < now
            ? $"Signature expired: {AmzTime(signedAt)} is now earlier than {AmzTime(now - maxSkew)} ({AmzTime(now)} - {minutes} min.)"
            : $"Signature not yet current: {AmzTime(signedAt)} is still later than {AmzTime(now + maxSkew)} ({AmzTime(now)} + {minutes} min.)";
    }

    private static string AmzTime(DateTimeOffset time) => StringToSign.FormatTime(time);

    private static string IsoSeconds(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
