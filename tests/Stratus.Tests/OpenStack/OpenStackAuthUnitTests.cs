using Stratus.Tests.TestSupport;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.OpenStack.Auth;
using Stratus.OpenStack.Swift;
using Stratus.Protocols;

namespace Stratus.Tests.OpenStack;

/// <summary>The parts of the provider that need no server: settings, request bodies, catalog choice, errors, temp-URL signatures.</summary>
public sealed class OpenStackAuthUnitTests
{
    [Fact]
    public void Keystone_settings_come_from_the_os_variables()
    {
        var env = new Dictionary<string, string>
        {
            ["OS_AUTH_URL"] = "https://keystone.example:5000/v3",
            ["OS_USERNAME"] = "alice",
            ["OS_PASSWORD"] = "s3cret-pw",
            ["OS_PROJECT_NAME"] = "demo",
            ["OS_USER_DOMAIN_NAME"] = "Users",
            ["OS_PROJECT_DOMAIN_NAME"] = "Projects",
            ["OS_REGION_NAME"] = "RegionTwo",
            ["OS_INTERFACE"] = "internal",
            ["ST_AUTH"] = "http://ignored/auth/v1.0",
        };
        var c = OpenStackCredentials.FromEnvironment(n => env.GetValueOrDefault(n));
        Assert.Equal(OpenStackAuthKind.Keystone, c.EffectiveKind);
        Assert.Equal("alice", c.Username);
        Assert.Equal("Users", c.UserDomainName);
        Assert.Equal("Projects", c.ProjectDomainName);
        Assert.Equal("RegionTwo", c.RegionName);
        Assert.Equal("internal", c.Interface);
        Assert.Equal("https://keystone.example:5000/v3", c.AuthUrl!.ToString());
        Assert.DoesNotContain("s3cret-pw", c.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tempauth_settings_come_from_the_st_variables_like_swiftclient()
    {
        var env = new Dictionary<string, string> { ["ST_AUTH"] = "http://swift:8080/auth/v1.0", ["ST_USER"] = "test:tester", ["ST_KEY"] = "k3y" };
        var c = OpenStackCredentials.FromEnvironment(n => env.GetValueOrDefault(n));
        Assert.Equal(OpenStackAuthKind.TempAuth, c.EffectiveKind);
        Assert.Equal("test:tester", c.Username);
        Assert.Equal("k3y", c.Password);
        Assert.DoesNotContain("k3y", c.ToString(), StringComparison.Ordinal);
        var app = OpenStackCredentials.FromEnvironment(n => n switch
        {
            "OS_AUTH_URL" => "https://ks/v3",
            "OS_APPLICATION_CREDENTIAL_ID" => "id1",
            "OS_APPLICATION_CREDENTIAL_SECRET" => "appsecret",
            _ => null,
        });
        Assert.Equal("id1", app.ApplicationCredentialId);
        Assert.DoesNotContain("appsecret", app.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_body_names_the_user_and_project_with_their_domains()
    {
        var body = JsonNode.Parse(KeystoneRequest.Body(new OpenStackCredentials
        {
            Username = "alice", Password = "pw", ProjectName = "demo", UserDomainId = "udid",
        }))!;
        Assert.Equal("""{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"id":"udid"},"password":"pw"}}},"scope":{"project":{"name":"demo","domain":{"name":"Default"}}}}}""",
            body.ToJsonString());
        var app = JsonNode.Parse(KeystoneRequest.Body(new OpenStackCredentials { ApplicationCredentialId = "ac", ApplicationCredentialSecret = "sec" }))!;
        Assert.Equal("""{"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"ac","secret":"sec"}}}}""", app.ToJsonString());
        Assert.Throws<ArgumentException>(() => KeystoneRequest.Body(new OpenStackCredentials { Username = "alice" }));
    }

    [Theory]
    [InlineData("https://ks:5000/v3", "https://ks:5000/v3/auth/tokens")]
    [InlineData("https://ks:5000/v3/", "https://ks:5000/v3/auth/tokens")]
    [InlineData("https://ks:5000", "https://ks:5000/v3/auth/tokens")]
    [InlineData("https://cloud/identity", "https://cloud/identity/v3/auth/tokens")]
    public void The_tokens_url_accepts_auth_urls_with_or_without_v3(string auth, string expected) =>
        Assert.Equal(expected, KeystoneRequest.TokensUrl(new Uri(auth)).ToString());

    [Fact]
    public void The_catalog_is_searched_by_type_interface_and_region()
    {
        using var doc = JsonDocument.Parse("""
            [{"type":"compute","endpoints":[{"interface":"public","region_id":"R1","url":"http://nova"}]},
             {"type":"object-store","endpoints":[
                {"interface":"internal","region_id":"R1","url":"http://swift-r1-internal"},
                {"interface":"public","region_id":"R1","url":"http://swift-r1"},
                {"interface":"public","region":"R2","url":"http://swift-r2"}]}]
            """);
        Assert.Equal("http://swift-r1/", ServiceCatalog.Select(doc.RootElement, "object-store", "public", null).ToString());
        Assert.Equal("http://swift-r2/", ServiceCatalog.Select(doc.RootElement, "object-store", "public", "R2").ToString());
        Assert.Equal("http://swift-r1-internal/", ServiceCatalog.Select(doc.RootElement, "object-store", "internalURL", "R1").ToString());
        var e = Assert.Throws<KeyNotFoundException>(() => ServiceCatalog.Select(doc.RootElement, "object-store", "admin", null));
        Assert.Contains("internal@R1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swift_errors_read_their_code_from_the_status_and_message_from_the_page()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Trans-Id"] = "tx123", ["X-Openstack-Request-Id"] = "tx123" };
        var error = SwiftErrors.Read(new RawResponse(409, headers,
            "<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>"u8.ToArray()));
        Assert.Equal("Conflict", error.Code);
        Assert.Equal("Conflict: There was a conflict when trying to complete your request.", error.Message);
        Assert.Equal("tx123", error.RequestId);
        var plain = SwiftErrors.Read(new RawResponse(413, headers, "Your request is too large."u8.ToArray()));
        Assert.Equal("RequestEntityTooLarge", plain.Code);
        Assert.Equal("Your request is too large.", plain.Message);
        Assert.Equal("Unauthorized", SwiftErrors.Read(new RawResponse(401, headers, ReadOnlyMemory<byte>.Empty)).Message);
    }

    [Fact]
    public void A_temp_url_signs_the_decoded_path_with_hmac_sha256()
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var url = SwiftTempUrl.Create(new Uri("https://swift.example/v1/AUTH_acc"), "my container", "dir/a b.txt", HttpMethod.Get, expires, "key");
        var path = "/v1/AUTH_acc/my container/dir/a b.txt";
        using var hmac = new System.Security.Cryptography.HMACSHA256("key"u8.ToArray());
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes($"GET\n1700000000\n{path}")));
        Assert.Equal($"https://swift.example/v1/AUTH_acc/my%20container/dir/a%20b.txt?temp_url_sig={expected}&temp_url_expires=1700000000", url.OriginalString);
    }

    [Fact]
    public void The_token_never_shows_in_text()
    {
        var token = new AuthToken("AUTH_tk_secret_value", new Uri("http://s/v1/AUTH_a"), null, DateTimeOffset.UnixEpoch);
        Assert.DoesNotContain("AUTH_tk_secret_value", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_order_is_by_code_point_as_swift_sorts_utf8()
    {
        // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF01 in UTF-8, before it in ordinal UTF-16.
        Assert.True(string.CompareOrdinal("\U0001F600", "\uFF01") < 0);
        Assert.True(Stratus.OpenStack.Storage.SwiftNameOrder.Compare("\U0001F600", "\uFF01") > 0);
        Assert.True(Stratus.OpenStack.Storage.SwiftNameOrder.Compare("a/", "a/b") < 0);
        Assert.Equal(0, Stratus.OpenStack.Storage.SwiftNameOrder.Compare("k\u00e9", "k\u00e9"));
    }
}
