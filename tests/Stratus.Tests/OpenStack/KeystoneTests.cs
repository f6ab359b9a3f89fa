using Stratus.Tests.TestSupport;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Stratus.Client;
using Stratus.OpenStack;
using Stratus.OpenStack.Auth;
using Stratus.OpenStack.Swift;
using Stratus.Pipeline;

namespace Stratus.Tests.OpenStack;

/// <summary>
/// Keystone v3 logins end to end: a loopback fake of Keystone's token API checks each request and hands out a real
/// TempAuth token with a catalog pointing at the real Swift, so the calls that follow run against Swift itself.
/// </summary>
public sealed class KeystoneTests
{
    private const string V = SwiftEmulator.Variable;

    private static OpenStackCredentials Password(Uri authUrl) => new()
    {
        AuthUrl = authUrl,
        Username = FakeKeystone.User,
        Password = FakeKeystone.Password,
        UserDomainName = FakeKeystone.UserDomain,
        ProjectName = FakeKeystone.Project,
        ProjectDomainName = FakeKeystone.ProjectDomain,
        RegionName = FakeKeystone.Region,
    };

    private static SwiftClient Client(OpenStackCredentials credentials, TimeProvider? clock = null) =>
        new(new OpenStackProvider(credentials, clock: clock), new ClientOptions { Retry = new RetryOptions { MaxAttempts = 1 } });

    private static async Task RoundTripAsync(SwiftClient swift)
    {
        var c = SwiftEmulator.NewName("ks");
        try
        {
            await swift.Service.CallAsync("PutContainer", new JsonObject { ["Container"] = c });
            var put = new JsonObject { ["Container"] = c, ["Key"] = "k", ["Body"] = Stratus.Protocols.NativeValues.Stream(new MemoryStream("via keystone"u8.ToArray())) };
            await swift.Service.CallAsync("PutObject", put);
            var got = await swift.Service.CallAsync("GetObject", new JsonObject { ["Container"] = c, ["Key"] = "k" });
            Assert.Equal("via keystone"u8.ToArray(), await SwiftEmulator.ReadAllAsync(got["Body"]!.GetValue<Stream>()));
        }
        finally
        {
            await SwiftEmulator.DropAsync(swift, c);
        }
    }

    [EmulatorFact(V)]
    public async Task A_password_login_scoped_to_a_project_reaches_swift_through_the_catalog()
    {
        await using var keystone = await FakeKeystone.StartAsync(SwiftEmulator.AuthUrl);
        using var swift = Client(Password(keystone.AuthUrl));
        await RoundTripAsync(swift);
        Assert.Equal(1, keystone.TokensIssued);
        var body = Assert.Single(keystone.Requests);
        var identity = body["auth"]!["identity"]!;
        Assert.Equal("password", (string?)identity["methods"]![0]);
        Assert.Equal(FakeKeystone.User, (string?)identity["password"]!["user"]!["name"]);
        Assert.Equal(FakeKeystone.Project, (string?)body["auth"]!["scope"]!["project"]!["name"]);
        Assert.Equal(new Uri(SwiftEmulator.AuthUrl, "/v1/AUTH_test"), await swift.GetStorageUrlAsync());
    }

    [EmulatorFact(V)]
    public async Task An_application_credential_login_reaches_swift()
    {
        await using var keystone = await FakeKeystone.StartAsync(SwiftEmulator.AuthUrl);
        using var swift = Client(new OpenStackCredentials
        {
            AuthUrl = new Uri(keystone.AuthUrl.GetLeftPart(UriPartial.Authority)), // without /v3: the client adds it
            ApplicationCredentialId = FakeKeystone.AppCredentialId,
            ApplicationCredentialSecret = FakeKeystone.AppCredentialSecret,
            RegionName = FakeKeystone.Region,
        });
        await RoundTripAsync(swift);
        var body = Assert.Single(keystone.Requests);
        Assert.Equal("application_credential", (string?)body["auth"]!["identity"]!["methods"]![0]);
        Assert.Null(body["auth"]!["scope"]);
    }

    [EmulatorFact(V)]
    public async Task A_refused_login_is_a_credentials_error_that_never_shows_the_password()
    {
        await using var keystone = await FakeKeystone.StartAsync(SwiftEmulator.AuthUrl);
        var credentials = Password(keystone.AuthUrl);
        credentials.Password = "wrong-password-77c1";
        using var swift = Client(credentials);
        var e = await Assert.ThrowsAsync<ClientException>(() => swift.Service.CallAsync("HeadAccount"));
        Assert.Equal(ClientErrorKind.Credentials, e.Kind);
        Assert.Contains("HTTP 401", e.Message, StringComparison.Ordinal);
        Assert.Contains("requires authentication", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-77c1", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-77c1", credentials.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, keystone.TokensIssued);
    }

    [EmulatorFact(V)]
    public async Task A_token_swift_refuses_is_replaced_once_and_the_call_succeeds()
    {
        await using var keystone = await FakeKeystone.StartAsync(SwiftEmulator.AuthUrl);
        keystone.HandOutBogusTokens(1);
        using var swift = Client(Password(keystone.AuthUrl));
        var head = await swift.Service.CallAsync("HeadAccount");
        Assert.True((long)head["ContainerCount"]! >= 0);
        Assert.Equal(2, keystone.TokensIssued);
        Assert.Equal(2, swift.Provider.Authenticator.Logins);
    }

    [EmulatorFact(V)]
    public async Task A_token_that_keeps_failing_is_refreshed_only_once_per_call()
    {
        await using var keystone = await FakeKeystone.StartAsync(SwiftEmulator.AuthUrl);
        keystone.HandOutBogusTokens(5);
        using var swift = Client(Password(keystone.AuthUrl));
        var e = await Assert.ThrowsAsync<ServiceException>(() => swift.Service.CallAsync("HeadAccount"));
        Assert.Equal("Unauthorized", e.ErrorCode);
        Assert.Equal(2, keystone.TokensIssued);
    }

    [EmulatorFact(V)]
    public async Task Concurrent_calls_share_one_login()
    {
        await using var keystone = await FakeKeystone.StartAsync(SwiftEmulator.AuthUrl);
        using var swift = Client(Password(keystone.AuthUrl));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => swift.Service.CallAsync("HeadAccount")));
        Assert.Equal(1, keystone.TokensIssued);
    }

    [EmulatorFact(V)]
    public async Task An_expired_token_is_renewed_before_it_is_sent()
    {
        await using var keystone = await FakeKeystone.StartAsync(SwiftEmulator.AuthUrl);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        keystone.Clock = clock;
        using var swift = Client(Password(keystone.AuthUrl), clock);
        await swift.Service.CallAsync("HeadAccount");
        await swift.Service.CallAsync("HeadAccount");
        Assert.Equal(1, keystone.TokensIssued);
        clock.Advance(TimeSpan.FromMinutes(59.5)); // within a minute of expires_at (one hour)
        await swift.Service.CallAsync("HeadAccount");
        Assert.Equal(2, keystone.TokensIssued);
    }

    [EmulatorFact(V)]
    public async Task The_catalog_endpoint_is_chosen_by_region_and_interface()
    {
        await using var keystone = await FakeKeystone.StartAsync(SwiftEmulator.AuthUrl);
        async Task<Uri> StorageUrl(string? region, string @interface)
        {
            var credentials = Password(keystone.AuthUrl);
            credentials.RegionName = region;
            credentials.Interface = @interface;
            using var swift = Client(credentials);
            return await swift.GetStorageUrlAsync();
        }
        Assert.Equal(new Uri(SwiftEmulator.AuthUrl, "/v1/AUTH_test"), await StorageUrl(FakeKeystone.Region, "public"));
        Assert.Equal(new Uri(SwiftEmulator.AuthUrl, "/v1/AUTH_test"), await StorageUrl(FakeKeystone.Region, "publicURL"));
        Assert.EndsWith("/v1/AUTH_wrong_internal", (await StorageUrl(FakeKeystone.Region, "internal")).AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith("/v1/AUTH_wrong", (await StorageUrl("RegionOne", "public")).AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith("/v1/AUTH_wrong", (await StorageUrl(null, "public")).AbsolutePath, StringComparison.Ordinal); // the first
        var e = await Assert.ThrowsAsync<ClientException>(() => StorageUrl("RegionNine", "public"));
        Assert.Contains("RegionNine", e.Message, StringComparison.Ordinal);
        Assert.Contains("public@RegionOne", e.Message, StringComparison.Ordinal);
    }
}
