namespace Stratus.Credentials;

/// <summary>
/// Settings shared by the credential sources. Every one is optional; unset values come from the
/// environment and the shared config file, as in the AWS CLI.
/// </summary>
public sealed class CredentialsOptions
{
    /// <summary>
    /// The profile to use. Default: <c>AWS_PROFILE</c>, then <c>AWS_DEFAULT_PROFILE</c>, then <c>default</c>.
    /// A profile given here makes the default chain skip the environment variables, as botocore does.
    /// </summary>
    public string? Profile { get; set; }

    /// <summary>The shared config to read profiles from. Default: loaded (again) at each resolution from <see cref="SharedConfig.Load()"/>.</summary>
    public SharedConfig? Config { get; set; }

    /// <summary>The clock for timeouts and expiry. Default: the system clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The transport for instance metadata and container credentials. Default: a direct (never proxied) handler.</summary>
    public HttpMessageHandler? MetadataTransport { get; set; }

    /// <summary>
    /// The instance metadata endpoint. Default: <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>, then the profile's
    /// <c>ec2_metadata_service_endpoint</c>, then <c>http://169.254.169.254</c> (or <c>http://[fd00:ec2::254]</c> in IPv6 mode).
    /// </summary>
    public Uri? InstanceMetadataEndpoint { get; set; }

    /// <summary>The time allowed for each instance metadata request. Default: <c>AWS_METADATA_SERVICE_TIMEOUT</c>, then the profile's <c>metadata_service_timeout</c>, then 1 second.</summary>
    public TimeSpan? InstanceMetadataTimeout { get; set; }

    /// <summary>Attempts per instance metadata request. Default: <c>AWS_METADATA_SERVICE_NUM_ATTEMPTS</c>, then the profile's <c>metadata_service_num_attempts</c>, then 1.</summary>
    public int? InstanceMetadataAttempts { get; set; }

    /// <summary>The time allowed for each container credentials request. Default: 2 seconds.</summary>
    public TimeSpan ContainerTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts for a container credentials request, one second apart. Default: 3.</summary>
    public int ContainerAttempts { get; set; } = 3;

    /// <summary>The time a <c>credential_process</c> may take before it is killed. Default: 1 minute.</summary>
    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The region of STS calls (assume role, web identity). Default: the profile's region, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then <c>us-east-1</c>.</summary>
    public string? StsRegion { get; set; }

    /// <summary>The STS endpoint. Default: <c>AWS_ENDPOINT_URL_STS</c>, <c>AWS_ENDPOINT_URL</c>, the profile's <c>endpoint_url</c>, then the region's endpoint.</summary>
    public Uri? StsEndpoint { get; set; }

    /// <summary>The transport of STS calls. Default: the transport every client shares.</summary>
    public HttpMessageHandler? StsTransport { get; set; }

    /// <summary>The time allowed for an STS call. Default: 30 seconds.</summary>
    public TimeSpan StsTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The profile's name: <see cref="Profile"/>, or the one the environment names.</summary>
    internal string ProfileName => Profile ?? SharedConfig.EnvironmentProfileName;

    /// <summary>The shared config: <see cref="Config"/>, or the files read now.</summary>
    /// <exception cref="Client.ClientException">A file is not valid or could not be read.</exception>
    internal async ValueTask<SharedConfig> SharedConfigAsync(bool async, CancellationToken cancellationToken)
    {
        if (Config is { } config)
        {
            return config;
        }
        try
        {
            return await SharedConfig.LoadAsync(async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new Client.ClientException(Client.ClientErrorKind.Credentials, $"the shared config could not be read: {e.Message}", e);
        }
    }

    /// <summary>The selected profile's settings, or null when no file has it.</summary>
    internal async ValueTask<ProfileSettings?> ProfileSettingsAsync(bool async, CancellationToken cancellationToken) =>
        (await SharedConfigAsync(async, cancellationToken).ConfigureAwait(false)).GetProfile(ProfileName);

    /// <summary>A copy with <see cref="Profile"/> and <see cref="Config"/> replaced.</summary>
    internal CredentialsOptions With(string? profile, SharedConfig? config)
    {
        var copy = (CredentialsOptions)MemberwiseClone();
        copy.Profile = profile;
        copy.Config = config;
        return copy;
    }
}
