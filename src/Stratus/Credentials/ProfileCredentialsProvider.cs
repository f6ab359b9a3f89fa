namespace Stratus.Credentials;

/// <summary>
/// The credentials of one profile of the shared files, tried in the AWS CLI's order: its role
/// (<c>role_arn</c> with <c>source_profile</c> or <c>credential_source</c>), web identity
/// (<c>web_identity_token_file</c>), SSO (not supported), keys in the credentials file,
/// <c>credential_process</c>, keys in the config file. Environment variables play no part.
/// </summary>
public sealed class ProfileCredentialsProvider : CredentialsProvider
{
    private readonly string _profile;
    private readonly CredentialsOptions _options;
    private readonly SharedConfig? _config;
    private readonly IReadOnlyList<string> _visited;
    private readonly bool _isSource;

    /// <summary>Creates the provider.</summary>
    /// <param name="profile">The profile. Default: <see cref="CredentialsOptions.Profile"/>, then <c>AWS_PROFILE</c>, then <c>default</c>.</param>
    /// <param name="options">The shared config, clock and transports; null for the defaults.</param>
    public ProfileCredentialsProvider(string? profile = null, CredentialsOptions? options = null)
    {
        _options = options ?? new CredentialsOptions();
        _profile = profile ?? _options.ProfileName;
        _visited = [_profile];
    }

    internal ProfileCredentialsProvider(string profile, CredentialsOptions options, SharedConfig config, IReadOnlyList<string> visited, bool isSource)
    {
        _profile = profile;
        _options = options;
        _config = config;
        _visited = visited;
        _isSource = isSource;
    }

    /// <summary>The profile's name.</summary>
    public string Profile => _profile;

    /// <inheritdoc/>
    public override string Name => _isSource ? $"source profile '{_profile}'" : $"profile '{_profile}'";

    /// <inheritdoc/>
    /// <exception cref="Client.ClientException">A file is invalid, or a configured source failed.</exception>
    protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var config = _config ?? await _options.SharedConfigAsync(async, cancellationToken).ConfigureAwait(false);
        if (!config.HasProfile(_profile))
        {
            return CredentialsResult.NotFound($"no profile '{_profile}' in {config.ConfigFilePath} or {config.CredentialsFilePath}");
        }
        var options = _options.With(_profile, config);
        var tried = new List<string>();
        foreach (var source in ProfileSources.For(config, _profile, options, environment: false, _visited, _isSource))
        {
            var result = await ResolveCoreAsync(source, async, cancellationToken).ConfigureAwait(false);
            if (result.Found)
            {
                return result;
            }
            tried.Add($"{source.Name}: {result.Reason}");
        }
        return CredentialsResult.NotFound(string.Join("; ", tried));
    }
}
