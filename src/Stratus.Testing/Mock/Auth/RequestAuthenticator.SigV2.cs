using System.Globalization;
using System.Text;
using Stratus.Protocols.Server;
using Stratus.Signing;

namespace Stratus.Testing.Mock.Auth;

public sealed partial class RequestAuthenticator
{
    /// <summary>S3's SigV2 in the Authorization header: <c>AWS key:signature</c> (the text after <c>AWS </c>).</summary>
    private AuthenticationResult S3SigV2Header(ServerRequest request, AuthFamily family, string credential, AuthenticationResult.BodyInfo body, string? virtualHostBucket)
    {
        const AuthScheme scheme = AuthScheme.S3SigV2;
        var colon = credential.LastIndexOf(':');
        if (colon <= 0 || colon == credential.Length - 1)
        {
            return AuthenticationResult.Fail(new ServiceError("InvalidArgument", "AWS authorization header is invalid.  Expected AwsAccessKeyId:signature", 400), scheme);
        }
        var accessKeyId = credential[..colon].Trim();
        var signature = credential[(colon + 1)..].Trim();
        if (!Verify)
        {
            return Identify(accessKeyId, scheme, null, null, body);
        }
        var now = _clock.GetUtcNow();
        if (FindAccount(accessKeyId, family, now, out var account) is { } unknown)
        {
            return AuthenticationResult.Fail(unknown, scheme);
        }
        // x-amz-date wins over Date; the date line of the string to sign is then empty (it is among the x-amz-* headers).
        var amzDate = request.Header("x-amz-date");
        var sentDate = amzDate ?? request.Header("Date");
        if (!TryParseHttpDate(sentDate, out var signedAt))
        {
            return AuthenticationResult.Fail(AuthErrors.MissingDate(family), scheme);
        }
        if (!WithinSkew(signedAt, now))
        {
            return AuthenticationResult.Fail(AuthErrors.TimeTooSkewed(family, sentDate!, signedAt, now, MaxSkew), scheme);
        }
        if (CheckToken(account, request.Header("x-amz-security-token"), family) is { } badToken)
        {
            return AuthenticationResult.Fail(badToken, scheme);
        }
        var stringToSign = S3SigV2Signer.StringToSign(ToSigningRequest(request), amzDate is null ? sentDate! : "", ResourcePath(request, virtualHostBucket));
        if (!ConstantTime.Equal(S3SigV2Signer.ComputeSignature(account.SecretAccessKey, stringToSign), signature))
        {
            return AuthenticationResult.Fail(AuthErrors.SignatureDoesNotMatch(family, accessKeyId, stringToSign, signature), scheme);
        }
        return AuthenticationResult.Accept(account, scheme, verified: true, null, null, body);
    }

    /// <summary>S3's SigV2 in the query string: <c>AWSAccessKeyId</c>, <c>Expires</c> (epoch seconds) and <c>Signature</c>.</summary>
    private AuthenticationResult S3SigV2Query(ServerRequest request, AuthFamily family, AuthenticationResult.BodyInfo body, string? virtualHostBucket)
    {
        const AuthScheme scheme = AuthScheme.S3SigV2Query;
        var accessKeyId = request.QueryValue("AWSAccessKeyId");
        var signature = request.QueryValue("Signature");
        var expiresText = request.QueryValue("Expires");
        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(expiresText))
        {
            return AuthenticationResult.Fail(new ServiceError("AccessDenied", "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters", 403), scheme);
        }
        if (!Verify)
        {
            return Identify(accessKeyId, scheme, null, null, body);
        }
        var now = _clock.GetUtcNow();
        if (FindAccount(accessKeyId, family, now, out var account) is { } unknown)
        {
            return AuthenticationResult.Fail(unknown, scheme);
        }
        if (!long.TryParse(expiresText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var epoch))
        {
            return AuthenticationResult.Fail(new ServiceError("AccessDenied", "Invalid date (should be seconds since epoch): " + expiresText, 403), scheme);
        }
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(epoch);
        if (now > expiresAt)
        {
            return AuthenticationResult.Fail(AuthErrors.PresignExpired(family, expiresAt, expiresAt, now, null), scheme);
        }
        if (CheckToken(account, request.QueryValue("x-amz-security-token") ?? request.Header("x-amz-security-token"), family) is { } badToken)
        {
            return AuthenticationResult.Fail(badToken, scheme);
        }
        var stringToSign = S3SigV2Signer.StringToSign(ToSigningRequest(request), expiresText, ResourcePath(request, virtualHostBucket));
        if (!ConstantTime.Equal(S3SigV2Signer.ComputeSignature(account.SecretAccessKey, stringToSign), signature))
        {
            return AuthenticationResult.Fail(AuthErrors.SignatureDoesNotMatch(family, accessKeyId, stringToSign, signature), scheme);
        }
        return AuthenticationResult.Accept(account, scheme, verified: true, null, null, body);
    }

    /// <summary>SigV2 of the query services: the parameters (query string or form body) carry key, method, time and signature.</summary>
    private AuthenticationResult SigV2(ServerRequest request, AuthFamily family, List<KeyValuePair<string, string?>> parameters, AuthenticationResult.BodyInfo body)
    {
        const AuthScheme scheme = AuthScheme.SigV2;
        string? Value(string name) => parameters.Find(p => p.Key == name).Value;
        var accessKeyId = Value("AWSAccessKeyId");
        var signature = Value("Signature");
        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(signature))
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, "Request must contain a signature that conforms to AWS standards"), scheme);
        }
        if (!Verify)
        {
            return Identify(accessKeyId, scheme, null, null, body);
        }
        var method = Value("SignatureMethod") ?? "HmacSHA256";
        if (Value("SignatureVersion") != "2" || method is not ("HmacSHA256" or "HmacSHA1"))
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, "Only SignatureVersion 2 with HmacSHA256 or HmacSHA1 is supported"), scheme);
        }
        var now = _clock.GetUtcNow();
        if (FindAccount(accessKeyId, family, now, out var account) is { } unknown)
        {
            return AuthenticationResult.Fail(unknown, scheme);
        }
        // A Timestamp must be recent; an Expires must be in the future.
        if (Value("Timestamp") is { } timestamp)
        {
            if (!TryParseIso(timestamp, out var signedAt))
            {
                return AuthenticationResult.Fail(AuthErrors.Malformed(family, "Invalid Timestamp: " + timestamp), scheme);
            }
            if (!WithinSkew(signedAt, now))
            {
                return AuthenticationResult.Fail(AuthErrors.TimeTooSkewed(family, timestamp, signedAt, now, MaxSkew), scheme);
            }
        }
        else if (Value("Expires") is { } expires)
        {
            if (!TryParseIso(expires, out var expiresAt))
            {
                return AuthenticationResult.Fail(AuthErrors.Malformed(family, "Invalid Expires: " + expires), scheme);
            }
            if (now > expiresAt)
            {
                return AuthenticationResult.Fail(AuthErrors.PresignExpired(family, expiresAt, expiresAt, now, null), scheme);
            }
        }
        else
        {
            return AuthenticationResult.Fail(AuthErrors.Malformed(family, "Request must contain either a valid Timestamp or Expires parameter"), scheme);
        }
        if (CheckToken(account, Value("SecurityToken"), family) is { } badToken)
        {
            return AuthenticationResult.Fail(badToken, scheme);
        }
        var host = request.Header("Host") ?? request.Host;
        var stringToSign = SigV2Signer.StringToSign(request.Method, host, request.Path, parameters.Where(static p => p.Key != "Signature"));
        if (!ConstantTime.Equal(SigV2Signer.ComputeSignature(account.SecretAccessKey, stringToSign, method), signature))
        {
            return AuthenticationResult.Fail(AuthErrors.SignatureDoesNotMatch(family, accessKeyId, stringToSign, signature), scheme);
        }
        return AuthenticationResult.Accept(account, scheme, verified: true, null, null, body);
    }

    /// <summary>
    /// The SigV2 parameters of a query-service request: the query string when it holds a signature, else a
    /// form body (POST, <c>application/x-www-form-urlencoded</c>) that does; null when neither is signed.
    /// </summary>
    private static List<KeyValuePair<string, string?>>? SigV2Parameters(ServerRequest request)
    {
        if (request.HasQuery("SignatureVersion") && request.HasQuery("Signature"))
        {
            return request.Query;
        }
        if (request.Method != "POST" || request.Header("Content-Type") is not { } type
            || !type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) || request.Body.IsEmpty)
        {
            return null;
        }
        var form = FormParameters(Encoding.UTF8.GetString(request.Body.Span));
        return form.Exists(static p => p.Key == "SignatureVersion") && form.Exists(static p => p.Key == "Signature") ? form : null;
    }

    /// <summary>Decodes an <c>application/x-www-form-urlencoded</c> body ('+' is a space there).</summary>
    private static List<KeyValuePair<string, string?>> FormParameters(string text)
    {
        var list = new List<KeyValuePair<string, string?>>();
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            list.Add(new(Unescape(key), Unescape(value)));
        }
        return list;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static bool TryParseIso(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>The path-style resource S3 SigV2 signs: <c>/bucket</c> + path for a virtual-hosted request, else the path.</summary>
    private static string ResourcePath(ServerRequest request, string? virtualHostBucket) =>
        virtualHostBucket is null ? request.Path : "/" + virtualHostBucket + (string.IsNullOrEmpty(request.Path) ? "/" : request.Path);
}
