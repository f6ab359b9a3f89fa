namespace Stratus.Credentials;

/// <summary>Always gives the same credentials.</summary>
public sealed class StaticCredentialsProvider : CredentialsProvider
{
    private readonly AwsCredentials _credentials;

    /// <summary>Creates the provider.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
    public StaticCredentialsProvider(AwsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
    }

    /// <inheritdoc/>
    public override string Name => "static credentials";

    /// <inheritdoc/>
    protected internal override ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken) =>
        new(CredentialsResult.Success(_credentials));
}
