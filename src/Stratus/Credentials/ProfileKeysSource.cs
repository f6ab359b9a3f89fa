using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>A profile's static keys (<c>aws_access_key_id</c>, <c>aws_secret_access_key</c>, <c>aws_session_token</c>) from one of the two shared files.</summary>
internal sealed class ProfileKeysSource(SharedConfig config, string profile, bool credentialsFile) : CredentialsProvider
{
    public override string Name => credentialsFile ? $"shared credentials file {config.CredentialsFilePath}" : $"config file {config.ConfigFilePath}";

    protected internal override ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var file = credentialsFile ? config.CredentialsFile : config.ConfigFile;
        if (file is null)
        {
            return new(CredentialsResult.NotFound("not found"));
        }
        if (!file.Profiles.TryGetValue(profile, out var settings))
        {
            return new(CredentialsResult.NotFound($"no profile '{profile}'"));
        }
        var id = settings.AccessKeyId;
        var secret = settings.SecretAccessKey;
        if (id is null && secret is null)
        {
            return new(CredentialsResult.NotFound($"profile '{profile}' has no aws_access_key_id"));
        }
        if (id is null || secret is null)
        {
            throw new ClientException(ClientErrorKind.Credentials,
                $"{Name}: profile '{profile}' has {(id is null ? "aws_secret_access_key but no aws_access_key_id" : "aws_access_key_id but no aws_secret_access_key")}.");
        }
        return new(CredentialsResult.Success(new AwsCredentials(id, secret, settings.SessionToken)));
    }
}
