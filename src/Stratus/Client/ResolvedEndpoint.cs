namespace Stratus.Client;

/// <summary>Where one call goes and how it is signed, as the endpoint rules decided.</summary>
/// <param name="Url">The endpoint URL (scheme, host, base path).</param>
/// <param name="SigningName">The service name to sign with.</param>
/// <param name="SigningRegion">The region to sign with (or the region set, comma-joined, for SigV4a).</param>
/// <param name="Scheme">The auth scheme: <c>sigv4</c>, <c>sigv4a</c>, or <c>none</c>.</param>
/// <param name="DisableDoubleEncoding">Whether the path is signed as sent (S3), not encoded a second time.</param>
/// <param name="Headers">Headers the endpoint requires.</param>
internal sealed record ResolvedEndpoint(
    Uri Url,
    string SigningName,
    string SigningRegion,
    string Scheme,
    bool DisableDoubleEncoding,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers)
{
    /// <summary>The scheme with its separator (<c>https://</c>), to which a host prefix is appended.</summary>
    public string SchemePart { get; } = Url.GetLeftPart(UriPartial.Scheme);

    /// <summary>The authority and the base path without its trailing slash, which the request's path follows.</summary>
    public string AuthorityAndBasePath { get; } = Url.Authority + Url.AbsolutePath.TrimEnd('/');

    /// <summary>Scheme, authority and base path: the request URL but for the path and query (no host prefix).</summary>
    public string Prefix { get; } = Url.GetLeftPart(UriPartial.Scheme) + Url.Authority + Url.AbsolutePath.TrimEnd('/');
}
