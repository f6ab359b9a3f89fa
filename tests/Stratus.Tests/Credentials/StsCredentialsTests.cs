using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

[Collection("Environment")]
public sealed class StsCredentialsTests
{
    private const string Base = "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = SECRETBASE\n";

    private static CredentialsEnvironment WithSts(FakeSts sts) =>
        new CredentialsEnvironment().Set("AWS_ENDPOINT_URL_STS", sts.Url.ToString()).Set("AWS_REGION", "us-east-1");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WebIdentityFromTheEnvironmentIsAnUnsignedCall(bool async)
    {
        using var sts = new FakeSts();
        using var env = WithSts(sts);
        var tokenFile = env.Write("token", "eyJ-WEB-IDENTITY-TOKEN\n");
        env.Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile).Set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/pod")
            .Set("AWS_ROLE_SESSION_NAME", "my-pod");
        var credentials = await new DefaultCredentialsChain().Resolve(async);
        Assert.Equal(new AwsCredentials("ASIA-pod", "SECRET-pod", "TOKEN-pod", FakeSts.Expiration), credentials);
        var (request, form) = Assert.Single(sts.Calls);
        Assert.Equal("AssumeRoleWithWebIdentity", form["Action"]);
        Assert.Equal("eyJ-WEB-IDENTITY-TOKEN", form["WebIdentityToken"]);
        Assert.Equal("my-pod", form["RoleSessionName"]);
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task WebIdentityFromAProfile()
    {
        using var sts = new FakeSts();
        using var env = new CredentialsEnvironment();
        var tokenFile = env.Write("token", "TOKEN-FROM-PROFILE");
        env.Write("config", $"[profile wi]\nweb_identity_token_file = {tokenFile}\nrole_arn = arn:aws:iam::123456789012:role/wi\nregion = eu-west-1\nendpoint_url = {sts.Url}\n");
        var credentials = await new ProfileCredentialsProvider("wi").ResolveAsync();
        Assert.Equal("ASIA-wi", credentials!.AccessKeyId);
        Assert.StartsWith("stratus-session-", Assert.Single(sts.Calls).Form["RoleSessionName"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AssumeRoleSignsWithTheSourceProfile(bool async)
    {
        using var sts = new FakeSts();
        using var env = WithSts(sts);
        env.Write("credentials", Base);
        env.Write("config", """
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/admin
            source_profile = base
            external_id = ext-123
            duration_seconds = 1800
            role_session_name = me
            """);
        env.Set("AWS_PROFILE", "admin");
        var credentials = await new DefaultCredentialsChain().Resolve(async);
        Assert.Equal(new AwsCredentials("ASIA-admin", "SECRET-admin", "TOKEN-admin", FakeSts.Expiration), credentials);
        var (request, form) = Assert.Single(sts.Calls);
        Assert.Equal("AKIDBASE", FakeSts.Signer(request));
        Assert.Equal("AssumeRole", form["Action"]);
        Assert.Equal("arn:aws:iam::123456789012:role/admin", form["RoleArn"]);
        Assert.Equal("ext-123", form["ExternalId"]);
        Assert.Equal("1800", form["DurationSeconds"]);
        Assert.Equal("me", form["RoleSessionName"]);
    }

    [Fact]
    public async Task RolesChainThroughSourceProfiles()
    {
        using var sts = new FakeSts();
        using var env = WithSts(sts);
        env.Write("credentials", Base);
        env.Write("config", """
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = base
            """);
        var credentials = await new DefaultCredentialsChain(new CredentialsOptions { Profile = "a" }).ResolveAsync();
        Assert.Equal("ASIA-a", credentials!.AccessKeyId);
        Assert.Equal(["b by AKIDBASE", "a by ASIA-b"], sts.Calls.Select(c => $"{c.Form["RoleArn"][^1..]} by {FakeSts.Signer(c.Request)}"));
    }

    [Fact]
    public async Task AProfileMayBeItsOwnSource()
    {
        using var sts = new FakeSts();
        using var env = WithSts(sts);
        env.Write("credentials", "[self]\naws_access_key_id = AKIDSELF\naws_secret_access_key = SECRETSELF\n");
        env.Write("config", "[profile self]\nrole_arn = arn:aws:iam::123456789012:role/self\nsource_profile = self\n");
        Assert.Equal("ASIA-self", (await new DefaultCredentialsChain(new CredentialsOptions { Profile = "self" }).ResolveAsync())!.AccessKeyId);
        Assert.Equal("AKIDSELF", FakeSts.Signer(Assert.Single(sts.Calls).Request));
    }

    [Fact]
    public async Task CredentialSourceEnvironment()
    {
        using var sts = new FakeSts();
        using var env = WithSts(sts);
        env.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", "SECRETENV");
        env.Write("config", "[profile ci]\nrole_arn = arn:aws:iam::123456789012:role/ci\ncredential_source = Environment\n");
        Assert.Equal("ASIA-ci", (await new DefaultCredentialsChain(new CredentialsOptions { Profile = "ci" }).ResolveAsync())!.AccessKeyId);
        Assert.Equal("AKIDENV", FakeSts.Signer(Assert.Single(sts.Calls).Request));
    }

    [Fact]
    public async Task StsRefusalNamesTheRoleAndTheCode()
    {
        using var sts = new FakeSts(_ => FakeSts.Error(403, "AccessDenied", "not authorized to perform sts:AssumeRole"));
        using var env = WithSts(sts);
        env.Write("credentials", Base);
        env.Write("config", "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\n");
        var e = await Assert.ThrowsAsync<ClientException>(async () => await new ProfileCredentialsProvider("admin").ResolveAsync());
        Assert.Equal(ClientErrorKind.Credentials, e.Kind);
        Assert.Contains("arn:aws:iam::123456789012:role/admin", e.Message, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETBASE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WebIdentityWithoutARoleIsAnError()
    {
        using var env = new CredentialsEnvironment();
        env.Set("AWS_WEB_IDENTITY_TOKEN_FILE", env.Write("token", "t"));
        var e = Assert.Throws<ClientException>(() => new DefaultCredentialsChain().Resolve());
        Assert.Contains("AWS_ROLE_ARN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingTokenFileIsAnError()
    {
        using var env = new CredentialsEnvironment();
        var provider = new WebIdentityCredentialsProvider("arn:aws:iam::123456789012:role/x", Path.Combine(env.Directory, "absent"));
        var e = Assert.Throws<ClientException>(() => provider.Resolve());
        Assert.Contains("could not be read", e.Message, StringComparison.Ordinal);
    }
}
