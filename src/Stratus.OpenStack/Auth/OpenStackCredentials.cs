namespace Stratus.OpenStack.Auth;

/// <summary>
/// How to log in to an OpenStack cloud: Keystone v3 (a password with a project scope, or an application credential),
/// TempAuth v1.0 (Swift's own), or a token and storage URL obtained elsewhere. Read them from the usual
/// environment variables with <see cref="FromEnvironment"/>. Secrets never appear in <see cref="ToString"/>.
/// </summary>
public sealed class OpenStackCredentials
{
    /// <summary>
    /// The identity endpoint: Keystone's (<c>https://keystone:5000/v3</c>, <c>OS_AUTH_URL</c>) or TempAuth's
    /// (<c>http://swift:8080/auth/v1.0</c>, <c>ST_AUTH</c>).
    /// </summary>
    public Uri? AuthUrl { get; set; }

    /// <summary>Which login: <see cref="OpenStackAuthKind.Keystone"/>, <see cref="OpenStackAuthKind.TempAuth"/> or <see cref="OpenStackAuthKind.Token"/>; null guesses from the settings.</summary>
    public OpenStackAuthKind? Kind { get; set; }

    /// <summary>The user's name (<c>OS_USERNAME</c>; for TempAuth <c>account:user</c>, <c>ST_USER</c>).</summary>
    public string? Username { get; set; }

    /// <summary>The user's id, instead of a name and domain (<c>OS_USER_ID</c>).</summary>
    public string? UserId { get; set; }

    /// <summary>The password (<c>OS_PASSWORD</c>; for TempAuth the key, <c>ST_KEY</c>). A secret.</summary>
    public string? Password { get; set; }

    /// <summary>The user's domain by name (<c>OS_USER_DOMAIN_NAME</c>; default <c>Default</c> when no id is given).</summary>
    public string? UserDomainName { get; set; }

    /// <summary>The user's domain by id (<c>OS_USER_DOMAIN_ID</c>).</summary>
    public string? UserDomainId { get; set; }

    /// <summary>The project to scope the token to, by name (<c>OS_PROJECT_NAME</c> or <c>OS_TENANT_NAME</c>).</summary>
    public string? ProjectName { get; set; }

    /// <summary>The project by id (<c>OS_PROJECT_ID</c> or <c>OS_TENANT_ID</c>).</summary>
    public string? ProjectId { get; set; }

    /// <summary>The project's domain by name (<c>OS_PROJECT_DOMAIN_NAME</c>; default <c>Default</c> when no id is given).</summary>
    public string? ProjectDomainName { get; set; }

    /// <summary>The project's domain by id (<c>OS_PROJECT_DOMAIN_ID</c>).</summary>
    public string? ProjectDomainId { get; set; }

    /// <summary>An application credential's id (<c>OS_APPLICATION_CREDENTIAL_ID</c>); it carries its own scope.</summary>
    public string? ApplicationCredentialId { get; set; }

    /// <summary>An application credential's name, with <see cref="Username"/> or <see cref="UserId"/> (<c>OS_APPLICATION_CREDENTIAL_NAME</c>).</summary>
    public string? ApplicationCredentialName { get; set; }

    /// <summary>The application credential's secret (<c>OS_APPLICATION_CREDENTIAL_SECRET</c>). A secret.</summary>
    public string? ApplicationCredentialSecret { get; set; }

    /// <summary>The region whose endpoint to take from the service catalog (<c>OS_REGION_NAME</c>); null takes the first.</summary>
    public string? RegionName { get; set; }

    /// <summary>The catalog interface: <c>public</c> (default), <c>internal</c> or <c>admin</c> (<c>OS_INTERFACE</c>, <c>OS_ENDPOINT_TYPE</c>).</summary>
    public string Interface { get; set; } = "public";

    /// <summary>The catalog's service type of object storage. Default: <c>object-store</c>.</summary>
    public string ServiceType { get; set; } = "object-store";

    /// <summary>A storage URL that replaces the one from the login (<c>OS_STORAGE_URL</c>).</summary>
    public Uri? StorageUrl { get; set; }

    /// <summary>A token obtained elsewhere, used with <see cref="StorageUrl"/> and no login (<c>OS_AUTH_TOKEN</c>). A secret.</summary>
    public string? Token { get; set; }

    /// <summary>The login to use: <see cref="Kind"/> when set, else guessed (a token and storage URL; an auth URL naming <c>/auth/v1</c> or a TempAuth user; otherwise Keystone).</summary>
    public OpenStackAuthKind EffectiveKind => Kind ?? (
        Token is not null && StorageUrl is not null && AuthUrl is null ? OpenStackAuthKind.Token
        : AuthUrl is { } url && (url.AbsolutePath.Contains("/auth/v1", StringComparison.OrdinalIgnoreCase) || url.AbsolutePath.EndsWith("/v1.0", StringComparison.OrdinalIgnoreCase))
            ? OpenStackAuthKind.TempAuth
            : OpenStackAuthKind.Keystone);

    /// <summary>
    /// Reads the usual environment variables: Keystone's <c>OS_*</c> (as the openstack CLI), else TempAuth's <c>ST_AUTH</c>,
    /// <c>ST_USER</c>, <c>ST_KEY</c> (as python-swiftclient).
    /// </summary>
    /// <param name="environment">Reads a variable; default the process environment.</param>
    public static OpenStackCredentials FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Get(params string[] names) => names.Select(n => environment(n)).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var credentials = new OpenStackCredentials
        {
            Username = Get("OS_USERNAME"),
            UserId = Get("OS_USER_ID"),
            Password = Get("OS_PASSWORD"),
            UserDomainName = Get("OS_USER_DOMAIN_NAME"),
            UserDomainId = Get("OS_USER_DOMAIN_ID"),
            ProjectName = Get("OS_PROJECT_NAME", "OS_TENANT_NAME"),
            ProjectId = Get("OS_PROJECT_ID", "OS_TENANT_ID"),
            ProjectDomainName = Get("OS_PROJECT_DOMAIN_NAME"),
            ProjectDomainId = Get("OS_PROJECT_DOMAIN_ID"),
            ApplicationCredentialId = Get("OS_APPLICATION_CREDENTIAL_ID"),
            ApplicationCredentialName = Get("OS_APPLICATION_CREDENTIAL_NAME"),
            ApplicationCredentialSecret = Get("OS_APPLICATION_CREDENTIAL_SECRET"),
            RegionName = Get("OS_REGION_NAME"),
            Interface = Get("OS_INTERFACE", "OS_ENDPOINT_TYPE") ?? "public",
            Token = Get("OS_AUTH_TOKEN"),
        };
        if (Get("OS_STORAGE_URL") is { } storage)
        {
            credentials.StorageUrl = new Uri(storage);
        }
        if (Get("OS_AUTH_URL") is { } keystone)
        {
            credentials.AuthUrl = new Uri(keystone);
        }
        else if (Get("ST_AUTH") is { } tempAuth)
        {
            // python-swiftclient's v1.0 settings, used only when no Keystone URL is set.
            credentials.AuthUrl = new Uri(tempAuth);
            credentials.Kind = OpenStackAuthKind.TempAuth;
            credentials.Username = Get("ST_USER") ?? credentials.Username;
            credentials.Password = Get("ST_KEY") ?? credentials.Password;
        }
        return credentials;
    }

    /// <summary>Shows who logs in where, never the password, secret or token.</summary>
    public override string ToString() =>
        $"OpenStackCredentials {{ Kind = {EffectiveKind}, AuthUrl = {AuthUrl}, User = {Username ?? UserId}, Project = {ProjectName ?? ProjectId}, " +
        $"ApplicationCredential = {ApplicationCredentialId ?? ApplicationCredentialName}, Region = {RegionName}, Interface = {Interface}, " +
        $"Password = {(Password is null ? "(none)" : "***")}, Secret = {(ApplicationCredentialSecret is null ? "(none)" : "***")}, Token = {(Token is null ? "(none)" : "***")} }}";
}
