using Stratus.OpenStack.Auth;
using Stratus.Storage;

namespace Stratus.OpenStack.Storage;

/// <summary>
/// Reads a <see cref="SwiftObjectStore"/>'s settings from <see cref="StoreSettings"/>: named values first
/// (<c>auth-url</c>, <c>username</c>, <c>password</c>, <c>project-name</c>, <c>user-domain-name</c>,
/// <c>project-domain-name</c>, <c>application-credential-id</c>, <c>application-credential-secret</c>, <c>interface</c>,
/// <c>auth-version</c> (<c>1</c> TempAuth, <c>3</c> Keystone), <c>storage-url</c>, <c>token</c>, <c>temp-url-key</c>,
/// <c>segment-container</c>, <c>segment-size</c>), then <see cref="StoreSettings.Region"/> and
/// <see cref="StoreSettings.EndpointUrl"/> (an auth URL when a segment of its path is <c>auth</c>, or it ends in <c>v3</c>, <c>v2.0</c> or <c>v1.0</c>; else a storage URL),
/// then the environment's <c>OS_*</c> and <c>ST_*</c> variables.
/// </summary>
public static class SwiftStoreSettings
{
    /// <summary>The credentials the settings name.</summary>
    public static OpenStackCredentials Credentials(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var c = OpenStackCredentials.FromEnvironment(settings.Environment);
        string? Value(string name) => settings.Values.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
        if (settings.EndpointUrl is { } endpoint)
        {
            if (IsAuthUrl(endpoint))
            {
                c.AuthUrl = endpoint;
                c.Kind = null;
            }
            else
            {
                c.StorageUrl = endpoint;
            }
        }
        if (Value("auth-url") is { } auth)
        {
            c.AuthUrl = new Uri(auth);
            c.Kind = null;
        }
        c.Username = Value("username") ?? Value("user") ?? c.Username;
        c.UserId = Value("user-id") ?? c.UserId;
        c.Password = Value("password") ?? Value("key") ?? c.Password;
        c.UserDomainName = Value("user-domain-name") ?? c.UserDomainName;
        c.UserDomainId = Value("user-domain-id") ?? c.UserDomainId;
        c.ProjectName = Value("project-name") ?? c.ProjectName;
        c.ProjectId = Value("project-id") ?? c.ProjectId;
        c.ProjectDomainName = Value("project-domain-name") ?? c.ProjectDomainName;
        c.ProjectDomainId = Value("project-domain-id") ?? c.ProjectDomainId;
        c.ApplicationCredentialId = Value("application-credential-id") ?? c.ApplicationCredentialId;
        c.ApplicationCredentialName = Value("application-credential-name") ?? c.ApplicationCredentialName;
        c.ApplicationCredentialSecret = Value("application-credential-secret") ?? c.ApplicationCredentialSecret;
        c.RegionName = Value("region") ?? settings.Region ?? c.RegionName;
        c.Interface = Value("interface") ?? c.Interface;
        c.Token = Value("token") ?? c.Token;
        if (Value("storage-url") is { } storage)
        {
            c.StorageUrl = new Uri(storage);
        }
        c.Kind = Value("auth-version") switch
        {
            "1" or "1.0" or "tempauth" => OpenStackAuthKind.TempAuth,
            "3" or "keystone" => OpenStackAuthKind.Keystone,
            _ => c.Kind,
        };
        return c;
    }

    // TempAuth's http://host/auth/v1.0, Keystone's http://host:5000/v3; a storage URL is http://host/v1/AUTH_account.
    private static bool IsAuthUrl(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Contains("auth", StringComparer.OrdinalIgnoreCase)
            || (segments.Length > 0 && segments[^1].ToLowerInvariant() is "v3" or "v2.0" or "v1.0");
    }
}
