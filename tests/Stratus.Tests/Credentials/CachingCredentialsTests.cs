using System.Diagnostics;
using System.Globalization;
using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

[Collection("Environment")]
public sealed class CachingCredentialsTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static LoopbackServer Container(Func<int, TimeSpan?> delay, Func<DateTimeOffset>? expires = null, Func<int, int>? status = null)
    {
        var count = 0;
        return new LoopbackServer(async _ =>
        {
            var n = Interlocked.Increment(ref count);
            if (delay(n) is { } d)
            {
                await Task.Delay(d);
            }
            var expiration = expires is null ? "" : $", \"Expiration\": \"{expires().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\"";
            return new LoopbackServer.Response(status?.Invoke(n) ?? 200, $$"""{"AccessKeyId": "AKID{{n}}", "SecretAccessKey": "S", "Token": "T"{{expiration}}}""");
        });
    }

    private static CachingCredentialsProvider Cache(CredentialsEnvironment env, LoopbackServer server, TimeProvider? clock = null)
    {
        env.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.Url.ToString());
        return new CachingCredentialsProvider(new ContainerCredentialsProvider(new CredentialsOptions { ContainerAttempts = 1 }), clock);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResolvesOnceAndCaches(bool async)
    {
        using var server = Container(_ => null);
        using var env = new CredentialsEnvironment();
        var cache = Cache(env, server);
        Assert.Equal("AKID1", (await cache.Resolve(async))!.AccessKeyId);
        Assert.Equal("AKID1", (await cache.Resolve(async))!.AccessKeyId);
        Assert.Single(server.Requests);
        cache.Invalidate();
        Assert.Equal("AKID2", (await cache.Resolve(async))!.AccessKeyId);
    }

    [Fact]
    public async Task ConcurrentCallersShareOneRefresh()
    {
        using var server = Container(_ => TimeSpan.FromMilliseconds(300));
        using var env = new CredentialsEnvironment();
        var cache = Cache(env, server);
        var asyncCallers = Enumerable.Range(0, 16).Select(_ => cache.ResolveAsync().AsTask());
        // Sync callers block while they wait, so each gets its own thread rather than starving the pool the server runs on.
        var syncCallers = Enumerable.Range(0, 4).Select(_ =>
        {
            var done = new TaskCompletionSource<AwsCredentials?>();
            new Thread(() => done.SetResult(cache.Resolve())).Start();
            return done.Task;
        });
        var all = await Task.WhenAll(asyncCallers.Concat(syncCallers));
        Assert.All(all, c => Assert.Equal("AKID1", c!.AccessKeyId));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CancellationEndsAWaitAtOnceButNotTheSharedRefresh()
    {
        // The server holds its answer until the cancelled callers have returned, or 1.8 s at most (the container source
        // waits 2 s): callers that wrongly waited for the refresh would return only after 1.8 s. Answering as soon as they
        // have returned keeps the refresh well inside the source's timeout, however slow the machine.
        var callersReturned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heldFor = TimeSpan.FromSeconds(1.8);
        using var server = new LoopbackServer(async _ =>
        {
            await Task.WhenAny(callersReturned.Task, Task.Delay(heldFor));
            return new LoopbackServer.Response(200, """{"AccessKeyId": "AKID1", "SecretAccessKey": "S", "Token": "T"}""");
        });
        using var env = new CredentialsEnvironment();
        var cache = Cache(env, server);
        using var first = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        using var second = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var watch = Stopwatch.StartNew();
        var refresher = cache.ResolveAsync(first.Token).AsTask();
        var waiter = cache.ResolveAsync(second.Token).AsTask();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refresher);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        var elapsed = watch.Elapsed;
        callersReturned.SetResult();
        Assert.True(elapsed < TimeSpan.FromSeconds(1.7), $"took {elapsed}: the cancelled callers waited for the refresh");
        // The refresh the first caller started goes on, and serves the next caller.
        Assert.Equal("AKID1", (await cache.ResolveAsync())!.AccessKeyId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task RefreshesAheadOfExpiryAndKeepsCurrentCredentialsWhenThatFails()
    {
        var clock = new ManualClock(Start);
        var failing = false;
        using var server = Container(_ => null, () => clock.GetUtcNow() + TimeSpan.FromHours(1), _ => failing ? 500 : 200);
        using var env = new CredentialsEnvironment();
        var cache = Cache(env, server, clock);
        Assert.Equal("AKID1", (await cache.ResolveAsync())!.AccessKeyId);
        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal("AKID1", (await cache.ResolveAsync())!.AccessKeyId);
        Assert.Single(server.Requests);

        // Within 5 minutes (and up to a minute of jitter) of the expiration: refresh early.
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal("AKID2", (await cache.ResolveAsync())!.AccessKeyId);
        Assert.Equal(2, server.Requests.Count);

        // An early refresh that fails keeps the current credentials, and is not tried again at once.
        failing = true;
        clock.Advance(TimeSpan.FromMinutes(56));
        Assert.Equal("AKID2", cache.Resolve()!.AccessKeyId);
        Assert.Equal("AKID2", cache.Resolve()!.AccessKeyId);
        Assert.Equal(3, server.Requests.Count);

        // Once they expire, a refresh must succeed.
        clock.Advance(TimeSpan.FromMinutes(4));
        var e = await Assert.ThrowsAsync<ClientException>(async () => await cache.ResolveAsync());
        Assert.Contains("HTTP 500", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefreshIsBoundedInTime()
    {
        var cache = new CachingCredentialsProvider(new NeverAnswers()) { Timeout = TimeSpan.FromMilliseconds(200) };
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<ClientException>(async () => await cache.ResolveAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Contains("never answers: no credentials within 0.2 s", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A user-written provider that waits until cancelled (protected internal only because this assembly sees internals).</summary>
    private sealed class NeverAnswers : CredentialsProvider
    {
        public override string Name => "never answers";

        protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return CredentialsResult.NotFound("unreachable");
        }
    }
}
