namespace Stratus.Credentials;

/// <summary>The sources of one profile's credentials, in the AWS CLI's order.</summary>
internal static class ProfileSources
{
    /// <param name="config">The shared config.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="options">Settings for the sources (already bound to <paramref name="config"/> and <paramref name="profile"/>).</param>
    /// <param name="environment">Whether web identity may come from the environment (the default chain's top profile, unless a profile was given explicitly).</param>
    /// <param name="visited">The profiles already on the way here, for loop detection.</param>
    /// <param name="isSource">Whether the profile is another's <c>source_profile</c> (then its keys come before its role).</param>
    public static IEnumerable<CredentialsProvider> For(SharedConfig config, string profile, CredentialsOptions options, bool environment,
        IReadOnlyList<string> visited, bool isSource) =>
    [
        new ProfileRoleSource(config, profile, options, visited, isSource),
        new WebIdentitySource(config, profile, options, environment),
        new SsoSource(config, profile),
        new ProfileKeysSource(config, profile, credentialsFile: true),
        new ProfileProcessSource(config, profile, options),
        new ProfileKeysSource(config, profile, credentialsFile: false),
    ];
}
