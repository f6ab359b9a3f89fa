using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

[Collection("Environment")]
public sealed class ProfileCredentialsTests
{
    private const string CredentialsFile = """
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = SECRETDEFAULT

        [dev]
        aws_access_key_id=AKIDDEV
        aws_secret_access_key=SECRETDEV
        aws_session_token=TOKENDEV
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DefaultAndNamedProfiles(bool async)
    {
        using var env = new CredentialsEnvironment();
        env.Write("credentials", CredentialsFile);
        Assert.Equal("AKIDDEFAULT", (await new ProfileCredentialsProvider().Resolve(async))!.AccessKeyId);
        var dev = await new ProfileCredentialsProvider("dev").Resolve(async);
        Assert.Equal(new AwsCredentials("AKIDDEV", "SECRETDEV", "TOKENDEV"), dev);
    }

    [Fact]
    public async Task AwsProfileChoosesTheProfile()
    {
        using var env = new CredentialsEnvironment();
        env.Write("credentials", CredentialsFile);
        env.Set("AWS_PROFILE", "dev");
        Assert.Equal("AKIDDEV", (await new ProfileCredentialsProvider().ResolveAsync())!.AccessKeyId);
        Assert.Equal("AKIDDEV", (await new DefaultCredentialsChain().ResolveAsync())!.AccessKeyId);
    }

    [Fact]
    public async Task CustomFilePaths()
    {
        using var env = new CredentialsEnvironment();
        var credentials = env.Write("elsewhere-credentials", CredentialsFile);
        var config = env.Write("elsewhere-config", "[profile cfg]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = SECRETCONFIG\n");
        env.Set("AWS_SHARED_CREDENTIALS_FILE", credentials).Set("AWS_CONFIG_FILE", config);
        Assert.Equal("AKIDDEV", (await new ProfileCredentialsProvider("dev").ResolveAsync())!.AccessKeyId);
        Assert.Equal("AKIDCONFIG", (await new ProfileCredentialsProvider("cfg").ResolveAsync())!.AccessKeyId);
    }

    [Fact]
    public async Task GivenSharedConfigIsUsedAsIs()
    {
        using var env = new CredentialsEnvironment();
        var config = new SharedConfig("c", null, "k", ProfileFile.Parse(CredentialsFile, isConfigFile: false));
        var provider = new ProfileCredentialsProvider("dev", new CredentialsOptions { Config = config });
        Assert.Equal("AKIDDEV", (await provider.ResolveAsync())!.AccessKeyId);
    }

    [Fact]
    public async Task CredentialsFileBeatsConfigFileKeys()
    {
        using var env = new CredentialsEnvironment();
        env.Write("credentials", CredentialsFile);
        env.Write("config", "[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = SECRETCONFIG\n");
        Assert.Equal("AKIDDEFAULT", (await new ProfileCredentialsProvider().ResolveAsync())!.AccessKeyId);
    }

    [Fact]
    public async Task MissingProfileSaysWhere()
    {
        using var env = new CredentialsEnvironment();
        env.Write("credentials", CredentialsFile);
        var provider = new ProfileCredentialsProvider("nope");
        Assert.Null(await provider.ResolveAsync());
        var e = await Assert.ThrowsAsync<ClientException>(async () => await new DefaultCredentialsChain(new CredentialsOptions { Profile = "nope" }).ResolveAsync());
        Assert.Contains("'nope'", e.Message, StringComparison.Ordinal);
        Assert.Contains(env.CredentialsFile, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialKeysAreAnErrorWithoutTheSecret()
    {
        using var env = new CredentialsEnvironment();
        env.Write("credentials", "[default]\naws_secret_access_key = SECRET-VALUE\n");
        var e = Assert.Throws<ClientException>(() => new ProfileCredentialsProvider().Resolve());
        Assert.Contains("aws_access_key_id", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-VALUE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidFileNamesPathAndLine()
    {
        using var env = new CredentialsEnvironment();
        env.Write("credentials", "[default]\nSECRET-VALUE\n");
        var e = Assert.Throws<ClientException>(() => new ProfileCredentialsProvider().Resolve());
        Assert.Contains(env.CredentialsFile + ": line 2", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-VALUE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SsoProfilesAreRefusedClearly()
    {
        using var env = new CredentialsEnvironment();
        env.Write("config", "[profile corp]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n");
        var e = Assert.Throws<ClientException>(() => new ProfileCredentialsProvider("corp").Resolve());
        Assert.Contains("SSO", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleLoopsAreRefusedBeforeAnyCall()
    {
        using var env = new CredentialsEnvironment();
        env.Write("config", """
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = a
            """);
        var e = Assert.Throws<ClientException>(() => new DefaultCredentialsChain(new CredentialsOptions { Profile = "a" }).Resolve());
        Assert.Contains("loop", e.Message, StringComparison.Ordinal);
        Assert.Contains("a -> b -> a", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("source_profile = b\ncredential_source = Environment", "both source_profile and credential_source")]
    [InlineData("", "neither source_profile nor credential_source")]
    [InlineData("source_profile = missing", "'missing', which does not exist")]
    [InlineData("credential_source = Nowhere", "credential_source 'Nowhere'")]
    [InlineData("source_profile = b\nmfa_serial = arn:aws:iam::123456789012:mfa/me", "MFA")]
    public void BadRoleSettingsSayWhatIsWrong(string settings, string expected)
    {
        using var env = new CredentialsEnvironment();
        env.Write("config", $"[profile a]\nrole_arn = arn:aws:iam::123456789012:role/a\n{settings}\n[profile b]\naws_access_key_id = A\naws_secret_access_key = S\n");
        var e = Assert.Throws<ClientException>(() => new ProfileCredentialsProvider("a").Resolve());
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
