using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>IAM Identity Center (SSO): not supported yet. A profile set up for it fails clearly instead of falling through to other sources.</summary>
internal sealed class SsoSource(SharedConfig config, string profile) : CredentialsProvider
{
    public override string Name => "sso";

    protected internal override ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken) =>
        config.GetProfile(profile) is { UsesSso: true }
            ? throw new ClientException(ClientErrorKind.Credentials,
                $"sso: profile '{profile}' uses IAM Identity Center (SSO), which Stratus does not support yet. As a workaround, set credential_process = aws configure export-credentials --profile {profile} --format process in another profile.")
            : new(CredentialsResult.NotFound("not supported"));
}
