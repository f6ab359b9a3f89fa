namespace Stratus.Signing;

/// <summary>
/// The explicit inputs of a SigV4 (or SigV4a) signature besides the request and the credentials.
/// Nothing is read from a clock or the environment: the time is an input.
/// </summary>
public sealed record SigV4Options
{
    /// <summary>The signing region (for SigV4a, the region set: one region, a comma-separated list, or <c>*</c>).</summary>
    public required string Region { get; init; }

    /// <summary>The signing name of the service (for example <c>s3</c>, <c>execute-api</c>).</summary>
    public required string Service { get; init; }

    /// <summary>The signing time.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>
    /// The lowercase hex SHA-256 of the payload, or one of the special values in <see cref="PayloadHash"/>
    /// (<see cref="PayloadHash.Unsigned"/>, <see cref="PayloadHash.StreamingSigned"/>). Required when signing
    /// a <see cref="SigningRequest"/>; when signing an <see cref="HttpRequestMessage"/> it is computed from
    /// buffered content when left null.
    /// </summary>
    public string? PayloadHash { get; init; }

    /// <summary>
    /// S3's rules: the path is signed as sent (no second encoding, no normalization) and the
    /// <c>x-amz-content-sha256</c> header is added. The three settings below override it one by one.
    /// </summary>
    public bool S3Variant { get; init; }

    /// <summary>Whether the path is percent-encoded a second time for the canonical request (default: not <see cref="S3Variant"/>).</summary>
    public bool? DoubleEncodePath { get; init; }

    /// <summary>Whether dot segments and repeated slashes are removed from the signed path (default: not <see cref="S3Variant"/>).</summary>
    public bool? NormalizePath { get; init; }

    /// <summary>Whether the <c>x-amz-content-sha256</c> header is added and signed in header signing (default: <see cref="S3Variant"/>).</summary>
    public bool? AddContentSha256Header { get; init; }

    /// <summary>
    /// Adds the session token after signing instead of signing it (a few services want it so).
    /// </summary>
    public bool OmitSessionToken { get; init; }

    /// <summary>How long a presigned request stays valid (1 second to 7 days; default one hour).</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromHours(1);

    internal bool EffectiveDoubleEncodePath => DoubleEncodePath ?? !S3Variant;

    internal bool EffectiveNormalizePath => NormalizePath ?? !S3Variant;

    internal bool EffectiveAddContentSha256Header => AddContentSha256Header ?? S3Variant;

    internal string RequirePayloadHash() =>
        PayloadHash ?? throw new ArgumentException("SigV4Options.PayloadHash is required to sign this request.", "options");
}
