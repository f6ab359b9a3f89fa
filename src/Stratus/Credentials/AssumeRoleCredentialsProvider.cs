using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// Temporary credentials for a role, from STS <c>AssumeRole</c> signed with a source provider's credentials
/// (the <c>role_arn</c> with <c>source_profile</c> or <c>credential_source</c> of a profile).
/// </summary>
public sealed class AssumeRoleCredentialsProvider : CredentialsProvider
{
    private readonly CredentialsProvider _source;
    private readonly CredentialsOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="roleArn">The role to assume.</param>
    /// <param name="source">Where the credentials that call AssumeRole come from.</param>
    /// <param name="options">STS region, endpoint, transport and clock; null for the defaults.</param>
    /// <exception cref="ArgumentException">The role ARN is empty.</exception>
    public AssumeRoleCredentialsProvider(string roleArn, CredentialsProvider source, CredentialsOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        ArgumentNullException.ThrowIfNull(source);
        RoleArn = roleArn;
        _source = source;
        _options = options ?? new CredentialsOptions();
    }

    /// <summary>The role to assume.</summary>
    public string RoleArn { get; }

    /// <summary>The role session name. Default: <c>stratus-session-</c> and the Unix time.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>The external id the role's trust policy asks for, if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>How long the credentials last, in seconds. Default: STS's (one hour).</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>The profile whose region and <c>endpoint_url</c> the STS call uses, if any.</summary>
    internal ProfileSettings? Profile { get; init; }

    /// <inheritdoc/>
    public override string Name => Profile is null ? $"assume role {RoleArn}" : $"assume role {RoleArn} (profile '{Profile.Name}')";

    /// <inheritdoc/>
    /// <exception cref="ClientException">The source has no credentials, or STS refused.</exception>
    protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var source = await ResolveCoreAsync(_source, async, cancellationToken).ConfigureAwait(false);
        if (source.Credentials is not { } signWith)
        {
            throw new ClientException(ClientErrorKind.Credentials, $"{Name}: the source {_source.Name} has no credentials: {source.Reason}.");
        }
        var input = new JsonObject
        {
            [nameof(RoleArn)] = RoleArn,
            [nameof(RoleSessionName)] = RoleSessionName ?? StsCredentials.SessionName(_options.Clock),
        };
        if (ExternalId is not null)
        {
            input[nameof(ExternalId)] = ExternalId;
        }
        if (DurationSeconds is { } duration)
        {
            input[nameof(DurationSeconds)] = (long)duration; // long: the input validator reads integers as Int64 values
        }
        var credentials = await StsCredentials.CallAsync("AssumeRole", input, signWith, _options, Profile, Name, async, cancellationToken).ConfigureAwait(false);
        return CredentialsResult.Success(credentials);
    }
}
