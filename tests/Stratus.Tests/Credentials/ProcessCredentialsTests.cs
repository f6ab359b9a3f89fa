using System.Diagnostics;
using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

[Collection("Environment")]
public sealed class ProcessCredentialsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunsTheProfilesCommandAndReadsItsJson(bool async)
    {
        using var env = new CredentialsEnvironment();
        var script = env.Script("creds.sh", """
            echo '{"Version": 1, "AccessKeyId": "'"$1"'", "SecretAccessKey": "SECRETPROC",'
            echo ' "SessionToken": "TOKENPROC", "Expiration": "2031-05-06T07:08:09Z"}'
            """);
        env.Write("config", $"[profile proc]\ncredential_process = {script} AKIDPROC\n");
        var credentials = await new ProfileCredentialsProvider("proc").Resolve(async);
        Assert.Equal(new AwsCredentials("AKIDPROC", "SECRETPROC", "TOKENPROC", new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero)), credentials);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFailingCommandNamesTheProfileButNoSecret(bool async)
    {
        using var env = new CredentialsEnvironment();
        var script = env.Script("fail.sh", """
            echo '{"Version": 1, "AccessKeyId": "AKIDLEAK", "SecretAccessKey": "SECRET-VALUE"}'
            echo 'token expired, run login' >&2
            exit 3
            """);
        env.Write("config", $"[profile broken]\ncredential_process = {script} --password SECRET-ARG\n");
        var e = await Assert.ThrowsAsync<ClientException>(() => new ProfileCredentialsProvider("broken").Resolve(async));
        Assert.Equal(ClientErrorKind.Credentials, e.Kind);
        Assert.Contains("profile 'broken'", e.Message, StringComparison.Ordinal);
        Assert.Contains("code 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("token expired, run login", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-VALUE", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-ARG", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "SECRET-VALUE"}""", "Version is not 1")]
    [InlineData("""{"Version": 1, "AccessKeyId": "A"}""", "no SecretAccessKey")]
    [InlineData("""{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": SECRET-VALUE}""", "not valid JSON")]
    public async Task BadOutputIsAnErrorWithoutTheSecret(string output, string expected)
    {
        using var env = new CredentialsEnvironment();
        var script = env.Script("bad.sh", $"cat <<'EOF'\n{output}\nEOF");
        var e = await Assert.ThrowsAsync<ClientException>(async () => await new ProcessCredentialsProvider(script, "p").ResolveAsync());
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-VALUE", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ASlowCommandIsStoppedAtTheTimeout(bool async)
    {
        using var env = new CredentialsEnvironment();
        var script = env.Script("slow.sh", "sleep 30");
        var provider = new ProcessCredentialsProvider(script, "slow", new CredentialsOptions { ProcessTimeout = TimeSpan.FromMilliseconds(500) });
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<ClientException>(() => provider.Resolve(async));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Contains("did not finish within 0.5 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationStopsTheCommand()
    {
        using var env = new CredentialsEnvironment();
        var script = env.Script("slow.sh", "sleep 30");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await new ProcessCredentialsProvider(script).ResolveAsync(cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
