namespace Stratus.Credentials;

/// <summary>
/// A set of AWS credentials: an access key id, its secret and, for temporary credentials, a session
/// token and expiration. <see cref="ToString"/> and every exception this type throws show the access
/// key id only, never the secret or the token.
/// </summary>
public sealed class AwsCredentials : IEquatable<AwsCredentials>
{
    /// <summary>Creates credentials.</summary>
    /// <param name="accessKeyId">The access key id (for example <c>AKIDEXAMPLE</c>).</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of temporary credentials, or null.</param>
    /// <param name="expiration">When temporary credentials expire, or null when they do not.</param>
    /// <exception cref="ArgumentException">The access key id or the secret is null or empty.</exception>
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null, DateTimeOffset? expiration = null)
    {
        // Messages name the parameter only: the secret must never reach a log through an exception.
        if (string.IsNullOrEmpty(accessKeyId))
        {
            throw new ArgumentException("The access key id is required.", nameof(accessKeyId));
        }
        if (string.IsNullOrEmpty(secretAccessKey))
        {
            throw new ArgumentException("The secret access key is required.", nameof(secretAccessKey));
        }
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
        Expiration = expiration;
    }

    /// <summary>The access key id.</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key.</summary>
    public string SecretAccessKey { get; }

    /// <summary>The session token of temporary credentials, or null.</summary>
    public string? SessionToken { get; }

    /// <summary>When the credentials expire, or null when they do not.</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>Whether the credentials have expired at <paramref name="now"/>.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => Expiration is { } e && e <= now;

    /// <summary>Shows the access key id only.</summary>
    public override string ToString() =>
        SessionToken is null
            ? $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}"
            : $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SessionToken = (set) }}";

    /// <inheritdoc/>
    public bool Equals(AwsCredentials? other) =>
        other is not null
        && string.Equals(AccessKeyId, other.AccessKeyId, StringComparison.Ordinal)
        && string.Equals(SecretAccessKey, other.SecretAccessKey, StringComparison.Ordinal)
        && string.Equals(SessionToken, other.SessionToken, StringComparison.Ordinal)
        && Expiration == other.Expiration;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AwsCredentials);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AccessKeyId, SecretAccessKey, SessionToken, Expiration);
}
