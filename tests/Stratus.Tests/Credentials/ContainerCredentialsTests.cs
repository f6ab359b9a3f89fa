using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

[Collection("Environment")]
public sealed class ContainerCredentialsTests
{
    private const string Document = """
        {"AccessKeyId": "AKIDECS", "SecretAccessKey": "SECRETECS", "Token": "TOKENECS", "Expiration": "2030-02-03T04:05:06Z", "RoleArn": "arn:aws:iam::123456789012:role/task"}
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FullUriWithTokenFile(bool async)
    {
        using var server = new LoopbackServer(r => new LoopbackServer.Response(200, Document));
        using var env = new CredentialsEnvironment();
        var tokenFile = env.Write("token", "POD-IDENTITY-TOKEN\n");
        env.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", $"{server.Url}v1/credentials?id=1")
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile)
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "IGNORED-SINCE-THE-FILE-WINS");
        var credentials = await new ContainerCredentialsProvider().Resolve(async);
        Assert.Equal(new AwsCredentials("AKIDECS", "SECRETECS", "TOKENECS", new DateTimeOffset(2030, 2, 3, 4, 5, 6, TimeSpan.Zero)), credentials);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/credentials?id=1", request.Path);
        Assert.Equal("POD-IDENTITY-TOKEN", request.Header("Authorization"));
    }

    [Fact]
    public async Task FullUriWithTokenVariable()
    {
        using var server = new LoopbackServer(r => new LoopbackServer.Response(200, Document));
        using var env = new CredentialsEnvironment();
        env.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.Url.ToString()).Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ENV-TOKEN");
        Assert.Equal("AKIDECS", (await new ContainerCredentialsProvider().ResolveAsync())!.AccessKeyId);
        Assert.Equal("ENV-TOKEN", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RelativeUriGoesToTheEcsAddress(bool async)
    {
        using var server = new LoopbackServer(r => new LoopbackServer.Response(200, Document));
        using var env = new CredentialsEnvironment();
        env.Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
        // Routes 169.254.170.2 to the loopback server, so the request the provider builds is the one sent.
        using var route = new RouteTo(server.Port);
        var provider = new ContainerCredentialsProvider(new CredentialsOptions { MetadataTransport = route });
        Assert.Equal("AKIDECS", (await provider.Resolve(async))!.AccessKeyId);
        Assert.Equal("http://169.254.170.2/v2/credentials/abc", route.Seen.Single());
        Assert.Equal("/v2/credentials/abc", Assert.Single(server.Requests).Path);
        Assert.Null(server.Requests.Single().Header("Authorization"));
    }

    [Theory]
    [InlineData("http://example.com/creds")]
    [InlineData("http://169.254.169.254/creds")]
    public async Task OtherHostsAreRefused(string uri)
    {
        using var env = new CredentialsEnvironment();
        env.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri);
        var e = await Assert.ThrowsAsync<ClientException>(async () => await new ContainerCredentialsProvider().ResolveAsync());
        Assert.Contains("is not allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsAfterTheAttempts()
    {
        using var server = new LoopbackServer(r => new LoopbackServer.Response(500, "SECRET-IN-BODY"));
        using var env = new CredentialsEnvironment();
        env.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.Url.ToString());
        var provider = new ContainerCredentialsProvider(new CredentialsOptions { ContainerAttempts = 2 });
        var e = await Assert.ThrowsAsync<ClientException>(async () => await provider.ResolveAsync());
        Assert.Contains("HTTP 500", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-IN-BODY", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void ATokenWithALineBreakIsRefused()
    {
        using var env = new CredentialsEnvironment();
        env.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/").Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "a\r\nInjected: b");
        var e = Assert.Throws<ClientException>(() => new ContainerCredentialsProvider().Resolve());
        Assert.Contains("line break", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSetIsNotFound()
    {
        using var env = new CredentialsEnvironment();
        var result = await new ContainerCredentialsProvider().TryResolve(async: true);
        Assert.Contains("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", result.Reason, StringComparison.Ordinal);
    }

    /// <summary>A transport that sends requests for 169.254.170.2 to a loopback port instead.</summary>
    private sealed class RouteTo(int port) : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
    {
        public List<string> Seen { get; } = [];

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Reroute(request);
            return base.Send(request, cancellationToken);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Reroute(request);
            return base.SendAsync(request, cancellationToken);
        }

        private void Reroute(HttpRequestMessage request)
        {
            Seen.Add(request.RequestUri!.ToString());
            request.RequestUri = new UriBuilder(request.RequestUri) { Host = "127.0.0.1", Port = port }.Uri;
        }
    }
}
