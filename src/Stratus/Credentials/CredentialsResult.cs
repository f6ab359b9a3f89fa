namespace Stratus.Credentials;

/// <summary>What a <see cref="CredentialsProvider"/> found: credentials, or the reason it has none.</summary>
public readonly struct CredentialsResult
{
    private CredentialsResult(AwsCredentials? credentials, string? reason)
    {
        Credentials = credentials;
        Reason = reason;
    }

    /// <summary>The credentials, or null when none were found.</summary>
    public AwsCredentials? Credentials { get; }

    /// <summary>Why no credentials were found (for example <c>AWS_ACCESS_KEY_ID not set</c>), or null when they were.</summary>
    public string? Reason { get; }

    /// <summary>Whether credentials were found.</summary>
    public bool Found => Credentials is not null;

    /// <summary>Credentials were found.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
    public static CredentialsResult Success(AwsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new(credentials, null);
    }

    /// <summary>The source has no credentials, for <paramref name="reason"/> (which must not contain secrets).</summary>
    public static CredentialsResult NotFound(string reason) => new(null, reason);

    /// <summary>Shows the credentials (without secrets) or the reason.</summary>
    public override string ToString() => Credentials?.ToString() ?? $"not found: {Reason}";
}
