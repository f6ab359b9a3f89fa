using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

public sealed class SharedConfigTests
{
    private const string Config = """
        # a comment
        ; another comment
        [default]
        region = eu-west-1
        output=json

          [profile dev]   # trailing comment on a header
        Region: us-west-2
        max_attempts = 7
        retry_mode = adaptive
        endpoint_url = http://localhost:4566
        duration_seconds = 1800
        s3 =
          max_concurrent_requests = 10
          # an indented comment
          addressing_style = path
        credential_process = /bin/echo "a;b # not a comment"
        [profile "with space"]
        region = ap-south-1
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        [profilenospace]
        region = nowhere
        [services local]
        s3 =
          endpoint_url = http://127.0.0.1:9000
        """;

    [Fact]
    public void ParsesProfilesCommentsAndSubSections()
    {
        var file = ProfileFile.Parse(Config, isConfigFile: true);
        Assert.Equal(["default", "dev", "with space"], file.Profiles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("eu-west-1", file.Profiles["default"].Region);
        var dev = file.Profiles["dev"];
        Assert.Equal("us-west-2", dev.Region);
        Assert.Equal("us-west-2", dev["REGION"]);
        Assert.Equal(7, dev.MaxAttempts);
        Assert.Equal("adaptive", dev.RetryMode);
        Assert.Equal(new Uri("http://localhost:4566"), dev.EndpointUrl);
        Assert.Equal(1800, dev.DurationSeconds);
        Assert.Equal("/bin/echo \"a;b # not a comment\"", dev.CredentialProcess);
        var s3 = dev.SubSection("s3")!;
        Assert.Equal("10", s3["max_concurrent_requests"]);
        Assert.Equal("path", s3["addressing_style"]);
        Assert.Null(dev["s3"]);
        Assert.True(dev.Contains("s3"));
        Assert.Equal("ap-south-1", file.Profiles["with space"].Region);
        Assert.Equal("https://corp.awsapps.com/start", file.Section("sso-session", "corp")!["sso_start_url"]);
        Assert.Equal("http://127.0.0.1:9000", file.Section("services", "local")!.SubSection("s3")!["endpoint_url"]);
        Assert.True(file.OtherSections.ContainsKey("profilenospace"));
    }

    [Fact]
    public void MultiLineValuesContinueOnIndentedLines()
    {
        var file = ProfileFile.Parse("[a]\nkey = first\n    second\nother = x\n", isConfigFile: false);
        Assert.Equal("first\nsecond", file.Profiles["a"]["key"]);
        Assert.Equal("x", file.Profiles["a"]["other"]);
    }

    [Fact]
    public void CredentialsFileSectionsArePlainProfileNames()
    {
        var file = ProfileFile.Parse("[default]\naws_access_key_id = A\n[dev]\naws_access_key_id = B\n[profile x]\naws_access_key_id = C\n", isConfigFile: false);
        Assert.Equal("B", file.Profiles["dev"].AccessKeyId);
        Assert.Equal("C", file.Profiles["profile x"].AccessKeyId);
        Assert.False(file.Profiles.ContainsKey("x"));
    }

    [Fact]
    public void CredentialsFileValuesWinOverConfigFile()
    {
        var config = ProfileFile.Parse("[profile dev]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\n", isConfigFile: true);
        var credentials = ProfileFile.Parse("[dev]\naws_access_key_id = FROMCREDENTIALS\naws_secret_access_key = S\n", isConfigFile: false);
        var shared = new SharedConfig("config", config, "credentials", credentials);
        var dev = shared.GetProfile("dev")!;
        Assert.Equal("FROMCREDENTIALS", dev.AccessKeyId);
        Assert.Equal("eu-west-1", dev.Region);
        Assert.Null(shared.GetProfile("nope"));
        Assert.True(shared.HasProfile("dev"));
    }

    [Theory]
    [InlineData("aws_secret_access_key = SECRET-VALUE\n", "line 1")]
    [InlineData("[default]\nSECRET-VALUE\n", "line 2")]
    [InlineData("[default\nx = y\n", "line 1")]
    [InlineData("[default]\ns3 =\n  SECRET-VALUE\n", "line 2")]
    public void ErrorsGiveTheLineButNeverItsText(string text, string where)
    {
        var e = Assert.Throws<FormatException>(() => ProfileFile.Parse(text, isConfigFile: false, "/tmp/credentials"));
        Assert.Contains("/tmp/credentials: " + where, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-VALUE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringShowsKeysNotValues()
    {
        var file = ProfileFile.Parse("[default]\naws_secret_access_key = SECRET-VALUE\n", isConfigFile: false);
        Assert.DoesNotContain("SECRET-VALUE", file.Profiles["default"].ToString(), StringComparison.Ordinal);
        Assert.Contains("aws_secret_access_key", file.Profiles["default"].ToString(), StringComparison.Ordinal);
    }
}

[Collection("Environment")]
public sealed class SharedConfigEnvironmentTests
{
    [Fact]
    public void PathsComeFromTheEnvironmentAndMissingFilesAreEmpty()
    {
        using var env = new CredentialsEnvironment();
        var config = SharedConfig.Load();
        Assert.Equal(env.ConfigFile, config.ConfigFilePath);
        Assert.Equal(env.CredentialsFile, config.CredentialsFilePath);
        Assert.Null(config.ConfigFile);
        Assert.Empty(config.ProfileNames);

        env.Write("config", "[profile dev]\nregion = sa-east-1\n");
        Assert.Equal("sa-east-1", SharedConfig.Load().GetProfile("dev")!.Region);
    }

    [Fact]
    public void DefaultPathsAreUnderHome()
    {
        using var env = new CredentialsEnvironment();
        env.Set("AWS_CONFIG_FILE", null).Set("AWS_SHARED_CREDENTIALS_FILE", null).Set("HOME", env.Directory);
        Directory.CreateDirectory(Path.Combine(env.Directory, ".aws"));
        env.Write(".aws/credentials", "[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = S\n");
        var config = SharedConfig.Load();
        Assert.Equal(Path.Combine(env.Directory, ".aws", "credentials"), config.CredentialsFilePath);
        Assert.Equal("AKIDHOME", config.GetProfile("default")!.AccessKeyId);
    }

    [Fact]
    public void TildeInAPathMeansHome()
    {
        using var env = new CredentialsEnvironment();
        env.Set("HOME", env.Directory).Set("AWS_CONFIG_FILE", "~/my-config");
        env.Write("my-config", "[default]\nregion = me-south-1\n");
        Assert.Equal("me-south-1", SharedConfig.Load().GetProfile("default")!.Region);
    }

    [Fact]
    public void ProfileNameComesFromAwsProfile()
    {
        using var env = new CredentialsEnvironment();
        Assert.Equal("default", SharedConfig.EnvironmentProfileName);
        env.Set("AWS_PROFILE", "dev");
        Assert.Equal("dev", SharedConfig.EnvironmentProfileName);
    }
}
