using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// Temporary credentials for a role, from an unsigned STS <c>AssumeRoleWithWebIdentity</c> call with the
/// OIDC token in a file (re-read at each resolution, since the file is rotated): EKS service accounts
/// (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c>, <c>AWS_ROLE_ARN</c>) and profiles with <c>web_identity_token_file</c>.
/// </summary>
public sealed class WebIdentityCredentialsProvider : CredentialsProvider
{
    private readonly CredentialsOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="roleArn">The role to assume.</param>
    /// <param name="tokenFile">The file holding the web identity token.</param>
    /// <param name="options">STS region, endpoint, transport and clock; null for the defaults.</param>
    /// <exception cref="ArgumentException">The role ARN or the token file is empty.</exception>
    public WebIdentityCredentialsProvider(string roleArn, string tokenFile, CredentialsOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenFile);
        RoleArn = roleArn;
        TokenFile = tokenFile;
        _options = options ?? new CredentialsOptions();
    }

    /// <summary>The role to assume.</summary>
    public string RoleArn { get; }

    /// <summary>The file holding the web identity token.</summary>
    public string TokenFile { get; }

    /// <summary>The role session name. Default: <c>stratus-session-</c> and the Unix time.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>The profile whose region and <c>endpoint_url</c> the STS call uses, if any.</summary>
    internal ProfileSettings? Profile { get; init; }

    /// <inheritdoc/>
    public override string Name => "web identity";

    /// <inheritdoc/>
    /// <exception cref="ClientException">The token file cannot be read, or STS refused.</exception>
    protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var path = Env.ExpandHome(TokenFile);
        string token;
        try
        {
            token = (async ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : File.ReadAllText(path)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ClientException(ClientErrorKind.Credentials, $"web identity: the token file {path} could not be read ({e.GetType().Name}).", e);
        }
        if (token.Length == 0)
        {
            throw new ClientException(ClientErrorKind.Credentials, $"web identity: the token file {path} is empty.");
        }
        var input = new JsonObject
        {
            [nameof(RoleArn)] = RoleArn,
            [nameof(RoleSessionName)] = RoleSessionName ?? StsCredentials.SessionName(_options.Clock),
            ["WebIdentityToken"] = token,
        };
        var credentials = await StsCredentials.CallAsync("AssumeRoleWithWebIdentity", input, signWith: null, _options, Profile,
            $"web identity (role {RoleArn})", async, cancellationToken).ConfigureAwait(false);
        return CredentialsResult.Success(credentials);
    }
}
