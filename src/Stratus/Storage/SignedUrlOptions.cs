namespace Stratus.Storage;

/// <summary>What a signed URL allows.</summary>
public sealed class SignedUrlOptions
{
    /// <summary>The method it allows: GET (default) or PUT.</summary>
    public HttpMethod Method { get; set; } = HttpMethod.Get;

    /// <summary>How long it stays valid. Default: one hour.</summary>
    public TimeSpan ExpiresIn { get; set; } = TimeSpan.FromHours(1);
}
