using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

[Collection("Environment")]
public sealed class DefaultChainTests
{
    private const string ContainerDocument = """{"AccessKeyId": "AKIDECS", "SecretAccessKey": "SECRETECS", "Token": "T", "Expiration": "2030-01-01T00:00:00Z"}""";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EnvironmentBeatsTheFiles(bool async)
    {
        using var env = new CredentialsEnvironment();
        env.Write("credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = SECRETFILE\n");
        env.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", "SECRETENV");
        Assert.Equal("AKIDENV", (await new DefaultCredentialsChain().Resolve(async))!.AccessKeyId);
    }

    [Fact]
    public async Task AnExplicitProfileSkipsTheEnvironment()
    {
        using var env = new CredentialsEnvironment();
        env.Write("credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = SECRETDEV\n");
        env.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", "SECRETENV");
        Assert.Equal("AKIDDEV", (await new DefaultCredentialsChain(new CredentialsOptions { Profile = "dev" }).ResolveAsync())!.AccessKeyId);
        env.Set("AWS_PROFILE", "dev");
        Assert.Equal("AKIDENV", (await new DefaultCredentialsChain().ResolveAsync())!.AccessKeyId);
    }

    [Fact]
    public async Task CredentialsFileThenProcessThenConfigFile()
    {
        using var env = new CredentialsEnvironment();
        var script = env.Script("p.sh", """echo '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "S"}'""");
        env.Write("config", $"[default]\ncredential_process = {script}\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = S\n");
        env.Write("credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = SECRETFILE\n");
        Assert.Equal("AKIDFILE", (await new DefaultCredentialsChain().ResolveAsync())!.AccessKeyId);
        File.Delete(env.CredentialsFile);
        Assert.Equal("AKIDPROC", (await new DefaultCredentialsChain().ResolveAsync())!.AccessKeyId);
        env.Write("config", "[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = S\n");
        Assert.Equal("AKIDCONFIG", (await new DefaultCredentialsChain().ResolveAsync())!.AccessKeyId);
    }

    [Fact]
    public async Task ContainerBeforeInstanceMetadata()
    {
        using var container = new LoopbackServer(_ => new LoopbackServer.Response(200, ContainerDocument));
        using var imds = new LoopbackServer(_ => new LoopbackServer.Response(500));
        using var env = new CredentialsEnvironment();
        env.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", container.Url.ToString())
            .Set("AWS_EC2_METADATA_DISABLED", null).Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.Url.ToString());
        Assert.Equal("AKIDECS", (await new DefaultCredentialsChain().ResolveAsync())!.AccessKeyId);
        Assert.Empty(imds.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NothingFoundListsEverySourceAndWhy(bool async)
    {
        using var silent = new LoopbackServer(_ => Task.FromResult<LoopbackServer.Response?>(null));
        using var env = new CredentialsEnvironment();
        env.Set("AWS_EC2_METADATA_DISABLED", null).Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", silent.Url.ToString());
        var e = await Assert.ThrowsAsync<ClientException>(() => new DefaultCredentialsChain().Resolve(async));
        Assert.Equal(ClientErrorKind.Credentials, e.Kind);
        string[] expected =
        [
            "environment: AWS_ACCESS_KEY_ID not set",
            "assume role (profile 'default'): no such profile",
            "web identity: AWS_WEB_IDENTITY_TOKEN_FILE not set and profile 'default' has no web_identity_token_file",
            "sso: not supported",
            $"shared credentials file {env.CredentialsFile}: not found",
            "credential_process (profile 'default'): not set",
            $"config file {env.ConfigFile}: not found",
            "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
            "instance metadata: no answer within 1 s",
        ];
        var at = -1;
        foreach (var part in expected)
        {
            var next = e.Message.IndexOf(part, StringComparison.Ordinal);
            Assert.True(next > at, $"'{part}' missing or out of order in: {e.Message}");
            at = next;
        }
    }

    [Fact]
    public async Task InstanceMetadataDisabledIsSaid()
    {
        using var env = new CredentialsEnvironment();
        var e = await Assert.ThrowsAsync<ClientException>(async () => await new DefaultCredentialsChain().ResolveAsync());
        Assert.Contains("instance metadata: disabled by AWS_EC2_METADATA_DISABLED", e.Message, StringComparison.Ordinal);
    }
}
