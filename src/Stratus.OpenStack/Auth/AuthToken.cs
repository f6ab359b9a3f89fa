namespace Stratus.OpenStack.Auth;

/// <summary>A login's result: the token to send as <c>X-Auth-Token</c>, where storage is, and until when.</summary>
/// <param name="Token">The token. A secret: <see cref="ToString"/> never shows it.</param>
/// <param name="StorageUrl">The Swift account's URL (<c>https://swift/v1/AUTH_project</c>).</param>
/// <param name="ExpiresAt">When the token expires, if the server said.</param>
/// <param name="ObtainedAt">When it was obtained.</param>
public sealed record AuthToken(string Token, Uri StorageUrl, DateTimeOffset? ExpiresAt, DateTimeOffset ObtainedAt)
{
    /// <summary>Shows the storage URL and expiry, never the token.</summary>
    public override string ToString() => $"AuthToken {{ StorageUrl = {StorageUrl}, ExpiresAt = {ExpiresAt:O}, Token = *** }}";
}
