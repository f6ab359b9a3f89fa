namespace Stratus.Credentials;

/// <summary>
/// A bearer token (for example an SSO or CodeCatalyst token). <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class BearerToken
{
    /// <summary>Creates a token.</summary>
    /// <param name="token">The token value.</param>
    /// <param name="expiration">When the token expires, or null.</param>
    /// <exception cref="ArgumentException">The token is null or empty.</exception>
    public BearerToken(string token, DateTimeOffset? expiration = null)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new ArgumentException("The token is required.", nameof(token));
        }
        Token = token;
        Expiration = expiration;
    }

    /// <summary>The token value.</summary>
    public string Token { get; }

    /// <summary>When the token expires, or null.</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>Shows the expiration only.</summary>
    public override string ToString() =>
        Expiration is { } e ? $"BearerToken {{ Expiration = {e:O} }}" : "BearerToken { }";
}
