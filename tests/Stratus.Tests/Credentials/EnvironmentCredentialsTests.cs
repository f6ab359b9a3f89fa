using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

[Collection("Environment")]
public sealed class EnvironmentCredentialsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadsKeysTokenAndExpiration(bool async)
    {
        using var env = new CredentialsEnvironment();
        env.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", "SECRETENV").Set("AWS_SESSION_TOKEN", "TOKENENV")
            .Set("AWS_CREDENTIAL_EXPIRATION", "2030-01-02T03:04:05Z");
        var credentials = await new EnvironmentCredentialsProvider().Resolve(async);
        Assert.Equal(new AwsCredentials("AKIDENV", "SECRETENV", "TOKENENV", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)), credentials);
    }

    [Fact]
    public async Task NothingSetIsNotFound()
    {
        using var env = new CredentialsEnvironment();
        Assert.Null(await new EnvironmentCredentialsProvider().ResolveAsync());
    }

    [Fact]
    public void HalfSetIsAnErrorWithoutTheSecret()
    {
        using var env = new CredentialsEnvironment();
        env.Set("AWS_SECRET_ACCESS_KEY", "SECRET-VALUE");
        var e = Assert.Throws<ClientException>(() => new EnvironmentCredentialsProvider().Resolve());
        Assert.Equal(ClientErrorKind.Credentials, e.Kind);
        Assert.Contains("AWS_ACCESS_KEY_ID", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-VALUE", e.Message, StringComparison.Ordinal);
    }
}
