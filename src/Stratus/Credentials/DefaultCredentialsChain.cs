using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// The AWS CLI's credential chain: environment variables; the profile's role (<c>role_arn</c>); web
/// identity; SSO (not supported); the shared credentials file; the profile's <c>credential_process</c>;
/// the config file's keys; container credentials; instance metadata. Files are read at each resolution
/// (wrap the chain in a <see cref="CachingCredentialsProvider"/>, as clients do). A profile given in
/// <see cref="CredentialsOptions.Profile"/> skips the environment variables, as in botocore.
/// When no source has credentials it throws, listing every source tried and why each had none.
/// </summary>
public sealed class DefaultCredentialsChain : CredentialsProvider
{
    private readonly CredentialsOptions _options;

    /// <summary>Creates the chain. Nothing is read until it resolves.</summary>
    /// <param name="options">The profile, clock and transports; null for the defaults.</param>
    public DefaultCredentialsChain(CredentialsOptions? options = null)
    {
        _options = options ?? new CredentialsOptions();
    }

    /// <inheritdoc/>
    public override string Name => "the default credential chain";

    /// <inheritdoc/>
    /// <exception cref="ClientException">No source has credentials, the profile does not exist, a file is invalid, or a configured source failed.</exception>
    protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var explicitProfile = _options.Profile is not null;
        var profile = _options.ProfileName;
        var tried = new List<string>();
        if (explicitProfile)
        {
            tried.Add("environment: skipped, since a profile was given");
        }
        else if (await CredentialsChain.FirstAsync([new EnvironmentCredentialsProvider()], tried, async, cancellationToken).ConfigureAwait(false) is { } fromEnvironment)
        {
            return fromEnvironment;
        }
        var config = await _options.SharedConfigAsync(async, cancellationToken).ConfigureAwait(false);
        if (profile != "default" && !config.HasProfile(profile))
        {
            throw new ClientException(ClientErrorKind.Credentials,
                $"The profile '{profile}'{(explicitProfile ? "" : " (from AWS_PROFILE)")} is in neither {config.ConfigFilePath} nor {config.CredentialsFilePath}.");
        }
        var options = _options.With(profile, config);
        IEnumerable<CredentialsProvider> sources =
        [
            .. ProfileSources.For(config, profile, options, environment: !explicitProfile, visited: [profile], isSource: false),
            new ContainerCredentialsProvider(options),
            new InstanceMetadataCredentialsProvider(options),
        ];
        return await CredentialsChain.FirstAsync(sources, tried, async, cancellationToken).ConfigureAwait(false)
            ?? throw new ClientException(ClientErrorKind.Credentials,
                $"No AWS credentials found (profile '{profile}'). Tried, in order: {string.Join("; ", tried)}.");
    }
}
