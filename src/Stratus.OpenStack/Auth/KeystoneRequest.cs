using System.Text;
using System.Text.Json;

namespace Stratus.OpenStack.Auth;

/// <summary>Keystone v3's token request: its URL and JSON body, for the password and application-credential methods.</summary>
public static class KeystoneRequest
{
    /// <summary>
    /// The token URL: <c>{auth}/auth/tokens</c> when the auth URL names <c>/v3</c>, else <c>{auth}/v3/auth/tokens</c>
    /// (as the openstack CLI accepts both forms of <c>OS_AUTH_URL</c>).
    /// </summary>
    public static Uri TokensUrl(Uri authUrl)
    {
        ArgumentNullException.ThrowIfNull(authUrl);
        var text = authUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(text.EndsWith("/v3", StringComparison.OrdinalIgnoreCase) ? text + "/auth/tokens" : text + "/v3/auth/tokens");
    }

    /// <summary>The body: an application credential when one is set (it carries its scope), else a password scoped to the project.</summary>
    /// <exception cref="ArgumentException">The credentials name no user, password or application credential.</exception>
    public static byte[] Body(OpenStackCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("auth");
            json.WriteStartObject("identity");
            if (credentials.ApplicationCredentialId is not null || credentials.ApplicationCredentialName is not null)
            {
                WriteApplicationCredential(json, credentials);
                json.WriteEndObject();
            }
            else
            {
                WritePassword(json, credentials);
                json.WriteEndObject();
                WriteScope(json, credentials);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteApplicationCredential(Utf8JsonWriter json, OpenStackCredentials c)
    {
        var secret = c.ApplicationCredentialSecret ?? throw new ArgumentException("an application credential needs its secret (OS_APPLICATION_CREDENTIAL_SECRET).");
        json.WriteStartArray("methods");
        json.WriteStringValue("application_credential");
        json.WriteEndArray();
        json.WriteStartObject("application_credential");
        if (c.ApplicationCredentialId is { } id)
        {
            json.WriteString("id", id);
        }
        else
        {
            json.WriteString("name", c.ApplicationCredentialName);
            // A credential by name belongs to a user, named like the password method's.
            WriteUser(json, c);
        }
        json.WriteString("secret", secret);
        json.WriteEndObject();
    }

    private static void WritePassword(Utf8JsonWriter json, OpenStackCredentials c)
    {
        var password = c.Password ?? throw new ArgumentException("Keystone password authentication needs a password (OS_PASSWORD).");
        json.WriteStartArray("methods");
        json.WriteStringValue("password");
        json.WriteEndArray();
        json.WriteStartObject("password");
        WriteUser(json, c, password);
        json.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter json, OpenStackCredentials c, string? password = null)
    {
        json.WriteStartObject("user");
        if (c.UserId is { } id)
        {
            json.WriteString("id", id);
        }
        else
        {
            json.WriteString("name", c.Username ?? throw new ArgumentException("Keystone authentication needs a user name or id (OS_USERNAME, OS_USER_ID)."));
            WriteDomain(json, c.UserDomainId, c.UserDomainName);
        }
        if (password is not null)
        {
            json.WriteString("password", password);
        }
        json.WriteEndObject();
    }

    private static void WriteScope(Utf8JsonWriter json, OpenStackCredentials c)
    {
        if (c.ProjectId is null && c.ProjectName is null)
        {
            return; // an unscoped token: Keystone then scopes it to the user's default project, if any
        }
        json.WriteStartObject("scope");
        json.WriteStartObject("project");
        if (c.ProjectId is { } id)
        {
            json.WriteString("id", id);
        }
        else
        {
            json.WriteString("name", c.ProjectName);
            WriteDomain(json, c.ProjectDomainId, c.ProjectDomainName);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDomain(Utf8JsonWriter json, string? id, string? name)
    {
        json.WriteStartObject("domain");
        if (id is not null)
        {
            json.WriteString("id", id);
        }
        else
        {
            json.WriteString("name", name ?? "Default");
        }
        json.WriteEndObject();
    }

    /// <summary>The body as text, for tests (it holds the password: never log it).</summary>
    internal static string BodyText(OpenStackCredentials credentials) => Encoding.UTF8.GetString(Body(credentials));
}
