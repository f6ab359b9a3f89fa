using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// Web identity from the environment (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c>, <c>AWS_ROLE_ARN</c>,
/// <c>AWS_ROLE_SESSION_NAME</c>; each variable wins over its profile key) or the profile alone.
/// </summary>
internal sealed class WebIdentitySource(SharedConfig config, string profile, CredentialsOptions options, bool environment) : CredentialsProvider
{
    public override string Name => "web identity";

    protected internal override ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var settings = config.GetProfile(profile);
        var tokenFile = Setting("AWS_WEB_IDENTITY_TOKEN_FILE") ?? settings?.WebIdentityTokenFile;
        if (tokenFile is null)
        {
            return new(CredentialsResult.NotFound(environment
                ? $"AWS_WEB_IDENTITY_TOKEN_FILE not set and profile '{profile}' has no web_identity_token_file"
                : $"profile '{profile}' has no web_identity_token_file"));
        }
        var roleArn = Setting("AWS_ROLE_ARN") ?? settings?.RoleArn
            ?? throw new ClientException(ClientErrorKind.Credentials,
                $"web identity: a web identity token file is set but no role is: set AWS_ROLE_ARN or role_arn in profile '{profile}'.");
        var provider = new WebIdentityCredentialsProvider(roleArn, tokenFile, options)
        {
            RoleSessionName = Setting("AWS_ROLE_SESSION_NAME") ?? settings?.RoleSessionName,
            Profile = settings,
        };
        return ResolveCoreAsync(provider, async, cancellationToken);
    }

    private string? Setting(string variable) => environment ? Env.Get(variable) : null;
}
