using System.Diagnostics;
using System.Net.Sockets;
using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

[Collection("Environment")]
public sealed class InstanceMetadataTests
{
    private const string RolePath = "/latest/meta-data/iam/security-credentials/";
    private const string Document = """
        {"Code": "Success", "LastUpdated": "2030-01-01T00:00:00Z", "Type": "AWS-HMAC", "AccessKeyId": "AKIDIMDS",
         "SecretAccessKey": "SECRETIMDS", "Token": "TOKENIMDS", "Expiration": "2030-01-01T06:00:00Z"}
        """;

    private static LoopbackServer.Response Imds(LoopbackServer.Request r, int tokenStatus = 200) => (r.Method, r.Path) switch
    {
        ("PUT", "/latest/api/token") => new(tokenStatus, tokenStatus == 200 ? "IMDS-SESSION-TOKEN" : ""),
        ("GET", RolePath) => new(200, "my-role\n", "text/plain"),
        ("GET", RolePath + "my-role") => new(200, Document),
        _ => new(404),
    };

    private static CredentialsEnvironment Enable(Uri endpoint)
    {
        var env = new CredentialsEnvironment();
        env.Set("AWS_EC2_METADATA_DISABLED", null).Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint.ToString());
        return env;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TokenThenRoleThenCredentials(bool async)
    {
        using var server = new LoopbackServer(r => Imds(r));
        using var env = Enable(server.Url);
        var credentials = await new InstanceMetadataCredentialsProvider().Resolve(async);
        Assert.Equal(new AwsCredentials("AKIDIMDS", "SECRETIMDS", "TOKENIMDS", new DateTimeOffset(2030, 1, 1, 6, 0, 0, TimeSpan.Zero)), credentials);
        var requests = server.Requests.ToArray();
        Assert.Equal(["PUT /latest/api/token", "GET " + RolePath, "GET " + RolePath + "my-role"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("21600", requests[0].Header("X-aws-ec2-metadata-token-ttl-seconds"));
        Assert.All(requests.Skip(1), r => Assert.Equal("IMDS-SESSION-TOKEN", r.Header("X-aws-ec2-metadata-token")));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    public async Task FallsBackToV1WhenTheTokenIsRefused(int status)
    {
        using var server = new LoopbackServer(r => Imds(r, status));
        using var env = Enable(server.Url);
        Assert.Equal("AKIDIMDS", (await new InstanceMetadataCredentialsProvider().ResolveAsync())!.AccessKeyId);
        Assert.All(server.Requests.Skip(1), r => Assert.Null(r.Header("X-aws-ec2-metadata-token")));
    }

    [Fact]
    public async Task NoV1FallbackWhenV1IsDisabled()
    {
        using var server = new LoopbackServer(r => Imds(r, 403));
        using var env = Enable(server.Url);
        env.Set("AWS_EC2_METADATA_V1_DISABLED", "true");
        var result = await new InstanceMetadataCredentialsProvider().TryResolve(async: true);
        Assert.False(result.Found);
        Assert.Contains("IMDSv1 is disabled", result.Reason, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnUnansweredTokenRequestGivesUpFastAndNeverFallsBack(bool async)
    {
        using var server = new LoopbackServer(_ => Task.FromResult<LoopbackServer.Response?>(null));
        using var env = Enable(server.Url);
        var watch = Stopwatch.StartNew();
        var result = await new InstanceMetadataCredentialsProvider().TryResolve(async);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed}");
        Assert.False(result.Found);
        Assert.Contains("no answer within 1 s", result.Reason, StringComparison.Ordinal);
        Assert.Equal(["PUT"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task AClosedPortGivesUpAtOnce()
    {
        using var env = Enable(new Uri($"http://127.0.0.1:{LoopbackServer.ClosedPort()}"));
        var watch = Stopwatch.StartNew();
        var result = await new InstanceMetadataCredentialsProvider().TryResolve(async: true);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.False(result.Found);
    }

    [Fact]
    public async Task DisabledSendsNothing()
    {
        using var server = new LoopbackServer(r => Imds(r));
        using var env = Enable(server.Url);
        env.Set("AWS_EC2_METADATA_DISABLED", "TRUE");
        var result = await new InstanceMetadataCredentialsProvider().TryResolve(async: true);
        Assert.Equal("disabled by AWS_EC2_METADATA_DISABLED", result.Reason);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task NoRoleAttached()
    {
        using var server = new LoopbackServer(r => r.Method == "PUT" ? new(200, "T") : new LoopbackServer.Response(404));
        using var env = Enable(server.Url);
        var result = await new InstanceMetadataCredentialsProvider().TryResolve(async: true);
        Assert.Equal("no IAM role is attached to the instance", result.Reason);
    }

    [Fact]
    public async Task EndpointAndTimeoutFromOptions()
    {
        using var server = new LoopbackServer(r => Imds(r));
        using var env = new CredentialsEnvironment();
        env.Set("AWS_EC2_METADATA_DISABLED", null);
        var provider = new InstanceMetadataCredentialsProvider(new CredentialsOptions { InstanceMetadataEndpoint = server.Url, InstanceMetadataTimeout = TimeSpan.FromSeconds(3) });
        Assert.Equal("AKIDIMDS", (await provider.ResolveAsync())!.AccessKeyId);
    }
}
