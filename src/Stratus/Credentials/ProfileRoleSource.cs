using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// A profile's <c>role_arn</c>, assumed with the credentials of its <c>source_profile</c> (resolved like any
/// profile, so chains of roles work, with loops refused) or its <c>credential_source</c>
/// (<c>Environment</c>, <c>Ec2InstanceMetadata</c>, <c>EcsContainer</c>), as botocore does.
/// </summary>
internal sealed class ProfileRoleSource(SharedConfig config, string profile, CredentialsOptions options, IReadOnlyList<string> visited, bool isSource)
    : CredentialsProvider
{
    public override string Name => $"assume role (profile '{profile}')";

    protected internal override ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var settings = config.GetProfile(profile);
        if (settings is null)
        {
            return new(CredentialsResult.NotFound("no such profile"));
        }
        if (settings.RoleArn is not { } roleArn)
        {
            return new(CredentialsResult.NotFound("no role_arn"));
        }
        if (settings.WebIdentityTokenFile is not null)
        {
            return new(CredentialsResult.NotFound("role_arn goes with web_identity_token_file (see web identity)"));
        }
        if (isSource && HasKeys(settings))
        {
            return new(CredentialsResult.NotFound("a source profile's own keys come first"));
        }
        if (settings.MfaSerial is not null)
        {
            throw Error("needs an MFA code (mfa_serial), which Stratus cannot prompt for");
        }
        var provider = new AssumeRoleCredentialsProvider(roleArn, Source(settings), options)
        {
            RoleSessionName = settings.RoleSessionName,
            ExternalId = settings.ExternalId,
            DurationSeconds = settings.DurationSeconds,
            Profile = settings,
        };
        return ResolveCoreAsync(provider, async, cancellationToken);
    }

    private CredentialsProvider Source(ProfileSettings settings)
    {
        var sourceProfile = settings.SourceProfile;
        var credentialSource = settings.CredentialSource;
        if (sourceProfile is not null && credentialSource is not null)
        {
            throw Error("has both source_profile and credential_source; keep one");
        }
        if (credentialSource is not null)
        {
            return credentialSource.ToLowerInvariant() switch
            {
                "environment" => new EnvironmentCredentialsProvider(),
                "ec2instancemetadata" => new InstanceMetadataCredentialsProvider(options),
                "ecscontainer" => new ContainerCredentialsProvider(options),
                _ => throw Error($"has credential_source '{credentialSource}'; use Environment, Ec2InstanceMetadata or EcsContainer"),
            };
        }
        if (sourceProfile is null)
        {
            throw Error("has role_arn but neither source_profile nor credential_source");
        }
        if (config.GetProfile(sourceProfile) is not { } source)
        {
            throw Error($"has source_profile '{sourceProfile}', which does not exist");
        }
        // A profile may name itself as source to keep its keys and role together; any other repeat is a loop.
        if (visited.Contains(sourceProfile, StringComparer.Ordinal) && (sourceProfile != profile || !HasKeys(source)))
        {
            throw Error($"has source_profile '{sourceProfile}', which makes a loop: {string.Join(" -> ", visited)} -> {sourceProfile}");
        }
        return new ProfileCredentialsProvider(sourceProfile, options, config, [.. visited, sourceProfile], isSource: true);
    }

    private static bool HasKeys(ProfileSettings settings) => settings.AccessKeyId is not null || settings.SecretAccessKey is not null;

    private ClientException Error(string problem) => new(ClientErrorKind.Credentials, $"assume role: profile '{profile}' {problem}.");
}
