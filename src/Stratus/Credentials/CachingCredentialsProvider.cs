using System.Diagnostics.CodeAnalysis;
using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// Caches another provider's credentials and refreshes them before they expire: from
/// <see cref="RefreshAhead"/> (plus up to a minute of jitter, so that a fleet does not refresh at once)
/// before the expiration, one caller refreshes while the others keep using the current credentials; a
/// failed early refresh keeps them and is tried again 30 seconds later. Within 10 seconds of the expiration,
/// and before the first resolution, callers wait for the refresh, and all of them share one. A caller's
/// cancellation ends its own wait only; the shared refresh goes on (bounded by <see cref="Timeout"/>)
/// and serves the next caller. Credentials without an expiration are kept for good.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The semaphore never allocates a wait handle (AvailableWaitHandle is not used), so it holds nothing to dispose.")]
public sealed class CachingCredentialsProvider : CredentialsProvider
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);
    private readonly CredentialsProvider _inner;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _entry;

    /// <summary>Creates the cache.</summary>
    /// <param name="inner">The provider to cache.</param>
    /// <param name="clock">The clock that decides expiry. Default: the system clock.</param>
    public CachingCredentialsProvider(CredentialsProvider inner, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>How long before the expiration a refresh starts. Default: 5 minutes.</summary>
    public TimeSpan RefreshAhead { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The time a refresh may take, whatever the sources' own timeouts. Default: 1 minute.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The cached provider.</summary>
    public CredentialsProvider Inner => _inner;

    /// <inheritdoc/>
    public override string Name => _inner.Name;

    /// <summary>Forgets the cached credentials (for example after the service said they expired); the next caller resolves again.</summary>
    public void Invalidate() => _entry = null;

    /// <inheritdoc/>
    /// <exception cref="ClientException">The inner provider failed, or took longer than <see cref="Timeout"/>, with no usable credentials cached.</exception>
    protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var entry = _entry;
        var now = _clock.GetUtcNow();
        if (entry is not null && now < entry.RefreshAt)
        {
            return CredentialsResult.Success(entry.Credentials);
        }
        if (entry is not null && entry.IsUsable(now))
        {
            // Early refresh: whoever gets the gate refreshes; everyone else keeps the current credentials.
            if (!_gate.Wait(0, CancellationToken.None))
            {
                return CredentialsResult.Success(entry.Credentials);
            }
        }
        else if (async)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _gate.Wait(cancellationToken);
        }
        var release = true;
        try
        {
            entry = _entry;
            if (entry is not null && _clock.GetUtcNow() < entry.RefreshAt)
            {
                return CredentialsResult.Success(entry.Credentials);
            }
            if (!async)
            {
                // Synchronously the refresh runs on this caller's thread, so it can only end with this caller's wait.
                return Synchronously(RefreshAsync(async: false, cancellationToken));
            }
            var refresh = RefreshAsync(async: true, CancellationToken.None).AsTask();
            if (refresh.IsCompleted)
            {
                return await refresh.ConfigureAwait(false);
            }
            release = false;
            _ = refresh.ContinueWith(static (_, gate) => ((SemaphoreSlim)gate!).Release(), _gate,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (release)
            {
                _gate.Release();
            }
        }
    }

    private async ValueTask<CredentialsResult> RefreshAsync(bool async, CancellationToken cancellationToken)
    {
        var previous = _entry;
        using var timer = new CancellationTokenSource(Timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            var result = await ResolveCoreAsync(_inner, async, linked.Token).ConfigureAwait(false);
            if (result.Credentials is { } credentials)
            {
                _entry = Entry.For(credentials, _clock.GetUtcNow(), RefreshAhead);
                return result;
            }
            return KeepPrevious(previous) ?? result;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return KeepPrevious(previous) ?? throw new ClientException(ClientErrorKind.Credentials,
                $"{_inner.Name}: no credentials within {Env.Seconds(Timeout)} s.");
        }
        catch (Exception e) when (e is not OperationCanceledException && KeepPrevious(previous) is { } kept)
        {
            return kept;
        }
    }

    // An early refresh that fails keeps the current credentials while they last, and is tried again a little later.
    private CredentialsResult? KeepPrevious(Entry? previous)
    {
        var now = _clock.GetUtcNow();
        if (previous is null || !previous.IsUsable(now))
        {
            return null;
        }
        var retryAt = now + RetryAfterFailure;
        _entry = previous with { RefreshAt = previous.UsableUntil is { } until && until < retryAt ? until : retryAt };
        return CredentialsResult.Success(previous.Credentials);
    }

    private sealed record Entry(AwsCredentials Credentials, DateTimeOffset RefreshAt, DateTimeOffset? UsableUntil)
    {
        public bool IsUsable(DateTimeOffset now) => UsableUntil is not { } until || now < until;

        public static Entry For(AwsCredentials credentials, DateTimeOffset now, TimeSpan ahead)
        {
            if (credentials.Expiration is not { } expiration)
            {
                return new Entry(credentials, DateTimeOffset.MaxValue, null);
            }
            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 60_000));
            var refreshAt = expiration - ahead - jitter;
            // Short-lived credentials are refreshed half-way through their life rather than at once.
            var halfLife = now + ((expiration - now) / 2);
            if (refreshAt < halfLife)
            {
                refreshAt = halfLife;
            }
            return new Entry(credentials, refreshAt, expiration - ExpiryMargin);
        }
    }
}
