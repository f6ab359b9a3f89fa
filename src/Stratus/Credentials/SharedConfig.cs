namespace Stratus.Credentials;

/// <summary>
/// The AWS shared config (<c>~/.aws/config</c>, or <c>AWS_CONFIG_FILE</c>) and credentials
/// (<c>~/.aws/credentials</c>, or <c>AWS_SHARED_CREDENTIALS_FILE</c>) files, read together. A profile's
/// merged settings take the credentials file's values over the config file's, as in botocore.
/// Missing files count as empty.
/// </summary>
public sealed class SharedConfig
{
    /// <summary>Creates a shared config from parsed files (either may be null).</summary>
    /// <param name="configFilePath">The config file's path, for messages.</param>
    /// <param name="configFile">The parsed config file, or null when there is none.</param>
    /// <param name="credentialsFilePath">The credentials file's path, for messages.</param>
    /// <param name="credentialsFile">The parsed credentials file, or null when there is none.</param>
    public SharedConfig(string configFilePath, ProfileFile? configFile, string credentialsFilePath, ProfileFile? credentialsFile)
    {
        ConfigFilePath = configFilePath;
        ConfigFile = configFile;
        CredentialsFilePath = credentialsFilePath;
        CredentialsFile = credentialsFile;
    }

    /// <summary>The config file's path (whether or not it exists).</summary>
    public string ConfigFilePath { get; }

    /// <summary>The credentials file's path (whether or not it exists).</summary>
    public string CredentialsFilePath { get; }

    /// <summary>The parsed config file, or null when it does not exist.</summary>
    public ProfileFile? ConfigFile { get; }

    /// <summary>The parsed credentials file, or null when it does not exist.</summary>
    public ProfileFile? CredentialsFile { get; }

    /// <summary>The config file's path: <c>AWS_CONFIG_FILE</c>, or <c>~/.aws/config</c>.</summary>
    public static string DefaultConfigFilePath => Env.ExpandHome(Env.Get("AWS_CONFIG_FILE") ?? Path.Combine(Env.Home(), ".aws", "config"));

    /// <summary>The credentials file's path: <c>AWS_SHARED_CREDENTIALS_FILE</c>, or <c>~/.aws/credentials</c>.</summary>
    public static string DefaultCredentialsFilePath => Env.ExpandHome(Env.Get("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(Env.Home(), ".aws", "credentials"));

    /// <summary>The profile chosen by the environment: <c>AWS_PROFILE</c>, then <c>AWS_DEFAULT_PROFILE</c>, then <c>default</c>.</summary>
    public static string EnvironmentProfileName => Env.Get("AWS_PROFILE") ?? Env.Get("AWS_DEFAULT_PROFILE") ?? "default";

    /// <summary>The names of every profile in either file.</summary>
    public IEnumerable<string> ProfileNames =>
        (ConfigFile?.Profiles.Keys ?? []).Union(CredentialsFile?.Profiles.Keys ?? [], StringComparer.Ordinal);

    /// <summary>Reads the files at their default paths (see <see cref="DefaultConfigFilePath"/> and <see cref="DefaultCredentialsFilePath"/>).</summary>
    /// <exception cref="FormatException">A file is not valid; the message gives the path and line number, never the line.</exception>
    /// <exception cref="IOException">A file exists but could not be read.</exception>
    public static SharedConfig Load() => Load(DefaultConfigFilePath, DefaultCredentialsFilePath);

    /// <summary>Reads the files at the given paths; a missing file counts as empty.</summary>
    /// <exception cref="FormatException">A file is not valid; the message gives the path and line number, never the line.</exception>
    /// <exception cref="IOException">A file exists but could not be read.</exception>
    public static SharedConfig Load(string configFilePath, string credentialsFilePath) =>
        new(configFilePath, ProfileFile.Load(configFilePath, isConfigFile: true), credentialsFilePath, ProfileFile.Load(credentialsFilePath, isConfigFile: false));

    /// <summary>Reads the files at their default paths.</summary>
    /// <exception cref="FormatException">A file is not valid; the message gives the path and line number, never the line.</exception>
    /// <exception cref="IOException">A file exists but could not be read.</exception>
    public static async ValueTask<SharedConfig> LoadAsync(CancellationToken cancellationToken = default) =>
        await LoadAsync(async: true, cancellationToken).ConfigureAwait(false);

    internal static async ValueTask<SharedConfig> LoadAsync(bool async, CancellationToken cancellationToken)
    {
        var configPath = DefaultConfigFilePath;
        var credentialsPath = DefaultCredentialsFilePath;
        var config = await ProfileFile.LoadAsync(configPath, isConfigFile: true, async, cancellationToken).ConfigureAwait(false);
        var credentials = await ProfileFile.LoadAsync(credentialsPath, isConfigFile: false, async, cancellationToken).ConfigureAwait(false);
        return new SharedConfig(configPath, config, credentialsPath, credentials);
    }

    /// <summary>Whether either file has the profile.</summary>
    public bool HasProfile(string name) =>
        ConfigFile?.Profiles.ContainsKey(name) == true || CredentialsFile?.Profiles.ContainsKey(name) == true;

    /// <summary>A profile's settings from both files (the credentials file's values win), or null when neither has it.</summary>
    public ProfileSettings? GetProfile(string name)
    {
        var fromConfig = ConfigFile?.Profiles.GetValueOrDefault(name);
        var fromCredentials = CredentialsFile?.Profiles.GetValueOrDefault(name);
        return fromConfig is null ? fromCredentials
            : fromCredentials is null ? fromConfig
            : fromConfig.MergedWith(fromCredentials);
    }

    /// <summary>Shows the paths and profile names.</summary>
    public override string ToString() =>
        $"SharedConfig {{ ConfigFile = {ConfigFilePath}, CredentialsFile = {CredentialsFilePath}, Profiles = [{string.Join(", ", ProfileNames)}] }}";
}
