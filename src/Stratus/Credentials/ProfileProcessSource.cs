namespace Stratus.Credentials;

/// <summary>The <c>credential_process</c> of a profile, if it has one.</summary>
internal sealed class ProfileProcessSource(SharedConfig config, string profile, CredentialsOptions options) : CredentialsProvider
{
    public override string Name => $"credential_process (profile '{profile}')";

    protected internal override ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken) =>
        config.GetProfile(profile)?.CredentialProcess is { } command
            ? ResolveCoreAsync(new ProcessCredentialsProvider(command, profile, options), async, cancellationToken)
            : new(CredentialsResult.NotFound("not set"));
}
