using System.Collections.Frozen;
using System.Globalization;
using Stratus.Credentials;

namespace Stratus.Signing;

/// <summary>
/// The steps SigV4 and SigV4a share: which headers to sign, header signing and query (presign)
/// signing. They differ only in algorithm name, credential scope, the region-set parameter and the
/// function that turns the string to sign into a signature.
/// </summary>
internal static class SigningCore
{
    /// <summary>Headers never signed: set or changed by agents, proxies or the transport after signing.</summary>
    private static readonly FrozenSet<string> Unsignable = FrozenSet.ToFrozenSet(
        ["authorization", "user-agent", "x-amzn-trace-id", "expect", "transfer-encoding", "connection", "upgrade", "keep-alive", "proxy-authorization", "te"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] PresignParameters =
        ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Security-Token", "X-Amz-Region-Set", "X-Amz-Signature"];

    internal const string AmzDate = "X-Amz-Date";
    internal const string SecurityToken = "X-Amz-Security-Token";
    internal const string RegionSet = "X-Amz-Region-Set";
    internal const string ContentSha256 = "X-Amz-Content-SHA256";
    internal const string Authorization = "Authorization";

    /// <summary>Maximum validity of a presigned request: seven days.</summary>
    private const long MaxExpiresSeconds = 7 * 24 * 3600;

    /// <summary>The canonical headers of a request: every header but the unsignable ones, plus host.</summary>
    internal static CanonicalHeaders HeadersToSign(SigningRequest request) => CanonicalHeaders.Render(SortedHeaders(request));

    /// <summary>The headers to sign, lowercased and sorted (see <see cref="CanonicalHeaders.Add"/>).</summary>
    internal static List<KeyValuePair<string, string>> SortedHeaders(SigningRequest request)
    {
        var sorted = new List<KeyValuePair<string, string>>(request.Headers.Count + 1);
        var hasHost = false;
        foreach (var header in request.Headers)
        {
            if (Unsignable.Contains(header.Key))
            {
                continue;
            }
            hasHost |= header.Key.Equals("host", StringComparison.OrdinalIgnoreCase);
            CanonicalHeaders.Add(sorted, header.Key, header.Value);
        }
        if (!hasHost && !string.IsNullOrEmpty(request.Host))
        {
            CanonicalHeaders.Add(sorted, "host", request.Host);
        }
        return sorted;
    }

    /// <summary>The canonical request of <paramref name="request"/> as it stands.</summary>
    internal static string Canonicalize(SigningRequest request, SigV4Options options, CanonicalHeaders headers, string payloadHash) =>
        CanonicalRequest.Build(
            request.Method,
            CanonicalPath.Build(request.Path, options.EffectiveDoubleEncodePath, options.EffectiveNormalizePath),
            CanonicalQuery.Build(request.Query),
            headers,
            payloadHash);

    /// <summary>
    /// Signs with the Authorization header, adding X-Amz-Date and the other signed headers.
    /// <paramref name="sign"/> turns the string to sign into a signature with <paramref name="key"/> (a static
    /// function and its state, so no closure is allocated per call).
    /// </summary>
    internal static SigV4Result SignHeaders(
        SigningRequest request, AwsCredentials credentials, SigV4Options options,
        string algorithm, string amzDate, string scope, string? regionSet, Func<object, string, string> sign, object key)
    {
        var payloadHash = PrepareHeaders(request, credentials, options, amzDate, regionSet);
        var headers = request.Headers;
        var token = credentials.SessionToken;
        var canonicalHeaders = HeadersToSign(request);
        var canonicalRequest = Canonicalize(request, options, canonicalHeaders, payloadHash);
        var stringToSign = StringToSign.Build(algorithm, amzDate, scope, canonicalRequest);
        var signature = sign(key, stringToSign);
        var authorization = $"{algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={canonicalHeaders.Signed}, Signature={signature}";
        headers[Authorization] = authorization;
        if (token is not null && options.OmitSessionToken)
        {
            headers[SecurityToken] = token;
        }
        return new SigV4Result(algorithm, amzDate, scope, canonicalRequest, stringToSign, canonicalHeaders.Signed, signature, authorization);
    }

    /// <summary>
    /// <see cref="SignHeaders"/> for SigV4 (HMAC-SHA256 under <paramref name="key"/>), with the intermediate texts
    /// kept out of strings: the canonical request is written into a pooled buffer and hashed from there, the
    /// string to sign into a stack buffer, and the signature straight into the Authorization header. The result
    /// makes the canonical request and the string to sign only if they are asked for.
    /// </summary>
    internal static SigV4Result SignHeadersV4(SigningRequest request, AwsCredentials credentials, SigV4Options options, string amzDate, string scope, byte[] key)
    {
        var payloadHash = PrepareHeaders(request, credentials, options, amzDate, null);
        var sorted = SortedHeaders(request);
        var signed = CanonicalHeaders.RenderSigned(sorted);
        var path = CanonicalPath.Build(request.Path, options.EffectiveDoubleEncodePath, options.EffectiveNormalizePath);
        var query = CanonicalQuery.Build(request.Query);
        Span<byte> hash = stackalloc byte[System.Security.Cryptography.SHA256.HashSizeInBytes];
        CanonicalRequest.Hash(request.Method, path, query, sorted, signed, payloadHash, hash);
        Span<byte> signature = stackalloc byte[System.Security.Cryptography.HMACSHA256.HashSizeInBytes];
        StringToSign.Sign(key, StringToSign.SigV4Algorithm, amzDate, scope, hash, signature);
        var authorization = AuthorizationHeader(StringToSign.SigV4Algorithm, credentials.AccessKeyId, scope, signed, signature);
        request.Headers[Authorization] = authorization;
        var token = credentials.SessionToken;
        if (token is not null && options.OmitSessionToken)
        {
            request.Headers[SecurityToken] = token;
        }
        return new SigV4Result(StringToSign.SigV4Algorithm, amzDate, scope, signed, authorization, 2 * signature.Length,
            new SigV4Result.CanonicalParts(request.Method, path, query, sorted, payloadHash));
    }

    // The headers every header signature adds (date, region set, session token, content hash); returns the payload hash.
    private static string PrepareHeaders(SigningRequest request, AwsCredentials credentials, SigV4Options options, string amzDate, string? regionSet)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        var payloadHash = options.RequirePayloadHash();
        var headers = request.Headers;
        headers.Remove(Authorization);
        headers[AmzDate] = amzDate;
        if (regionSet is not null)
        {
            headers[RegionSet] = regionSet;
        }
        var token = credentials.SessionToken;
        if (token is not null)
        {
            if (options.OmitSessionToken)
            {
                headers.Remove(SecurityToken);
            }
            else
            {
                headers[SecurityToken] = token;
            }
        }
        if (options.EffectiveAddContentSha256Header)
        {
            headers[ContentSha256] = payloadHash;
        }
        return payloadHash;
    }

    // "ALG Credential=KEY/SCOPE, SignedHeaders=a;b, Signature=hex" in one string, the signature written as hex in place.
    private static string AuthorizationHeader(string algorithm, string accessKeyId, string scope, string signed, ReadOnlySpan<byte> signature)
    {
        const string credential = " Credential=";
        const string signedHeaders = ", SignedHeaders=";
        const string signatureLabel = ", Signature=";
        var length = algorithm.Length + credential.Length + accessKeyId.Length + 1 + scope.Length + signedHeaders.Length + signed.Length
            + signatureLabel.Length + (2 * signature.Length);
        Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
        var span = buffer;
        Append(ref span, algorithm);
        Append(ref span, credential);
        Append(ref span, accessKeyId);
        Append(ref span, "/");
        Append(ref span, scope);
        Append(ref span, signedHeaders);
        Append(ref span, signed);
        Append(ref span, signatureLabel);
        Convert.TryToHexStringLower(signature, span, out _);
        return new string(buffer);
    }

    private static void Append(ref Span<char> span, string text)
    {
        text.CopyTo(span);
        span = span[text.Length..];
    }

    /// <summary>Presigns: adds the X-Amz-* query parameters, signature last.</summary>
    internal static SigV4Result SignQuery(
        SigningRequest request, AwsCredentials credentials, SigV4Options options,
        string algorithm, string amzDate, string scope, string? regionSet, Func<object, string, string> sign, object key)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        var payloadHash = options.RequirePayloadHash();
        var expires = (long)options.Expires.TotalSeconds;
        if (expires < 1 || expires > MaxExpiresSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "SigV4Options.Expires must be between 1 second and 7 days.");
        }
        var query = request.Query;
        query.RemoveAll(static p => Array.Exists(PresignParameters, n => n.Equals(p.Key, StringComparison.OrdinalIgnoreCase)));
        request.Headers.Remove(Authorization);
        var canonicalHeaders = HeadersToSign(request);
        var token = credentials.SessionToken;
        query.Add(new("X-Amz-Algorithm", algorithm));
        query.Add(new("X-Amz-Credential", $"{credentials.AccessKeyId}/{scope}"));
        query.Add(new("X-Amz-Date", amzDate));
        query.Add(new("X-Amz-SignedHeaders", canonicalHeaders.Signed));
        query.Add(new("X-Amz-Expires", expires.ToString(CultureInfo.InvariantCulture)));
        if (regionSet is not null)
        {
            query.Add(new(RegionSet, regionSet));
        }
        if (token is not null && !options.OmitSessionToken)
        {
            query.Add(new(SecurityToken, token));
        }
        var canonicalRequest = Canonicalize(request, options, canonicalHeaders, payloadHash);
        var stringToSign = StringToSign.Build(algorithm, amzDate, scope, canonicalRequest);
        var signature = sign(key, stringToSign);
        query.Add(new("X-Amz-Signature", signature));
        if (token is not null && options.OmitSessionToken)
        {
            query.Add(new(SecurityToken, token));
        }
        return new SigV4Result(algorithm, amzDate, scope, canonicalRequest, stringToSign, canonicalHeaders.Signed, signature, null);
    }
}
