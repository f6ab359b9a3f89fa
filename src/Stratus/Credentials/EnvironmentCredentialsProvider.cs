using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// Credentials from <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c> (or the
/// older <c>AWS_SECURITY_TOKEN</c>) and <c>AWS_CREDENTIAL_EXPIRATION</c>, read at each resolution.
/// </summary>
public sealed class EnvironmentCredentialsProvider : CredentialsProvider
{
    /// <inheritdoc/>
    public override string Name => "environment";

    /// <inheritdoc/>
    /// <exception cref="ClientException">Only one of the access key id and the secret is set.</exception>
    protected internal override ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var id = Env.Get("AWS_ACCESS_KEY_ID");
        var secret = Env.Get("AWS_SECRET_ACCESS_KEY");
        if (id is null && secret is null)
        {
            return new(CredentialsResult.NotFound("AWS_ACCESS_KEY_ID not set"));
        }
        if (id is null || secret is null)
        {
            throw new ClientException(ClientErrorKind.Credentials,
                $"environment: {(id is null ? "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not" : "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")}.");
        }
        var expiration = Env.Get("AWS_CREDENTIAL_EXPIRATION");
        var expires = Env.ParseTime(expiration);
        if (expiration is not null && expires is null)
        {
            throw new ClientException(ClientErrorKind.Credentials, "environment: AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time.");
        }
        var token = Env.Get("AWS_SESSION_TOKEN") ?? Env.Get("AWS_SECURITY_TOKEN");
        return new(CredentialsResult.Success(new AwsCredentials(id, secret, token, expires)));
    }
}
