using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Stratus.Models;
using Stratus.Pipeline;
using Stratus.Protocols;
using Stratus.Telemetry;

namespace Stratus.Client;

public sealed partial class ServiceClient
{
    /// <summary>
    /// One call, in fixed stages: validate and serialize once; then per attempt build, sign, send and
    /// read; classify the outcome; retry with backoff while the error is retryable, the body can be sent
    /// again, attempts remain and the retry quota allows. One body serves sync and async.
    /// </summary>
    private ValueTask<JsonObject> InvokeAsync(OperationModel operation, JsonObject? input, bool async, CancellationToken cancellationToken) =>
        Instruments.Enabled ? InvokeObservedAsync(operation, input, async, cancellationToken) : InvokeAsync(operation, input, async, null, cancellationToken);

    // Telemetry: the call's span (current while the attempts run, so theirs are its children) and measurements.
    private async ValueTask<JsonObject> InvokeObservedAsync(OperationModel operation, JsonObject? input, bool async, CancellationToken cancellationToken)
    {
        using var telemetry = CallTelemetry.Start(Model.Name, operation.Name);
        try
        {
            var result = await InvokeAsync(operation, input, async, telemetry, cancellationToken).ConfigureAwait(false);
            telemetry?.Succeeded(result["ResponseMetadata"]?["RequestId"] is JsonValue id && id.TryGetValue<string>(out var requestId) ? requestId : null);
            return result;
        }
        catch (Exception e) when (telemetry?.Failed(e) ?? false)
        {
            throw; // never reached: the filter only records
        }
    }

    private async ValueTask<JsonObject> InvokeAsync(OperationModel operation, JsonObject? input, bool async, CallTelemetry? telemetry, CancellationToken cancellationToken)
    {
        input ??= [];
        var serialized = Serialize(operation, input);
        var endpoint = _binding is null ? ResolveEndpoint(operation, input)
            : await ResolveProviderEndpointAsync(operation, async, cancellationToken).ConfigureAwait(false);
        StripBucketLabel(operation, input, serialized, endpoint);
        var stream = serialized.BodyStream;
        var streamStart = stream is { CanSeek: true } ? stream.Position : -1;
        var maxAttempts = Math.Max(1, _options.Retry.MaxAttempts);
        var retried = false;
        var refreshed = false;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_rateLimiter?.Acquire() is { } wait && wait > TimeSpan.Zero)
            {
                await Delay(wait, async, cancellationToken).ConfigureAwait(false);
            }
            var started = Stopwatch.GetTimestamp();
            AttemptOutcome outcome;
            using var span = telemetry?.StartAttempt(attempt, endpoint.Url, BodySize(serialized, streamStart));
            try
            {
                outcome = await AttemptAsync(operation, serialized, endpoint, async, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            telemetry?.EndAttempt(span, outcome);
            LogAttempt(operation, attempt, outcome, Stopwatch.GetElapsedTime(started));
            _rateLimiter?.Update(outcome.Error is ServiceException { ErrorCode: var code } && ErrorClassifier.IsThrottling(code));
            if (outcome.Result is { } result)
            {
                _quota.Release(retried ? RetryQuota.RetryCost : RetryQuota.NoRetryIncrement);
                return result;
            }
            var error = outcome.Error!;
            var replayable = stream is null || streamStart >= 0;
            if (_binding is not null && !refreshed && replayable && error is ServiceException { StatusCode: 401 }
                && await _binding.RefreshAsync(async, cancellationToken).ConfigureAwait(false))
            {
                // The provider dropped a stale token: log in again and send at once (the endpoint may have moved).
                refreshed = true;
                if (stream is not null)
                {
                    stream.Position = streamStart;
                }
                endpoint = await ResolveProviderEndpointAsync(operation, async, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var skewCorrected = CorrectClockSkew(outcome);
            var retryable = skewCorrected || error is ServiceException { IsRetryable: true } || outcome.TransportFailure;
            if (!retryable || !replayable || attempt >= maxAttempts
                || !_quota.TryAcquire(outcome.TransportFailure ? RetryQuota.TimeoutRetryCost : RetryQuota.RetryCost))
            {
                throw error;
            }
            retried = true;
            if (stream is not null)
            {
                stream.Position = streamStart;
            }
            var delay = skewCorrected ? TimeSpan.Zero : Backoff.Delay(attempt, _options.Retry.BaseDelay, _options.Retry.MaxBackoff, Random.Shared.NextDouble());
            if (outcome.RetryAfter is { } retryAfter && retryAfter > delay)
            {
                delay = retryAfter < _options.Retry.MaxBackoff ? retryAfter : _options.Retry.MaxBackoff;
            }
            await Delay(delay, async, cancellationToken).ConfigureAwait(false);
        }
    }

    private static long BodySize(SerializedRequest serialized, long streamStart) =>
        serialized.BodyStream is { } stream ? (streamStart >= 0 ? stream.Length - streamStart : 0) : serialized.Body.Length;

    private SerializedRequest Serialize(OperationModel operation, JsonObject input)
    {
        if (_options.ValidateInput)
        {
            InputValidator.Validate(operation, input);
        }
        if (operation.Input is { } inputShape && MissesIdempotencyToken(operation, input))
        {
            input = (JsonObject)input.DeepClone();
            IdempotencyTokens.Fill(inputShape, input);
        }
        try
        {
            var serialized = _protocol.SerializeRequest(operation, input);
            RequestChecksums.AddRequired(operation, serialized);
            return serialized;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or InvalidOperationException or KeyNotFoundException)
        {
            throw new ClientException(ClientErrorKind.InvalidInput, $"{Model.Name}.{operation.Name}: {e.Message}", e)
            {
                Service = Model.Name,
                Operation = operation.Name,
            };
        }
    }

    private static bool MissesIdempotencyToken(OperationModel operation, JsonObject input)
    {
        foreach (var name in operation.Facts.IdempotencyMembers)
        {
            if (input[name] is null)
            {
                return true;
            }
        }
        return false;
    }

    // A server clock far from ours makes every signature fail; learn the offset from its Date header and sign again at once.
    private bool CorrectClockSkew(AttemptOutcome outcome)
    {
        if (outcome.Error is not ServiceException { ErrorCode: "RequestTimeTooSkewed" or "RequestExpired" or "InvalidSignatureException" or "SignatureDoesNotMatch" or "AuthFailure" or "RequestInTheFuture" }
            || outcome.ServerDate is not { } serverDate)
        {
            return false;
        }
        var skew = serverDate - _options.Clock.GetUtcNow();
        var current = TimeSpan.FromTicks(Interlocked.Read(ref _clockSkewTicks));
        if (Math.Abs((skew - current).TotalMinutes) < 4)
        {
            return false;
        }
        Interlocked.Exchange(ref _clockSkewTicks, skew.Ticks);
        _logger.LogWarning("{Service}.{Operation}: the server's clock is {Skew:0} s from ours; signing with its time", Model.Name, outcome.Operation, skew.TotalSeconds);
        return true;
    }

    private void LogAttempt(OperationModel operation, int attempt, AttemptOutcome outcome, TimeSpan duration)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }
        var what = outcome.Error switch
        {
            null => outcome.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ServiceException s => $"{s.StatusCode} {s.ErrorCode}",
            var e => e.Message,
        };
        _logger.LogDebug("{Service}.{Operation} attempt {Attempt}: {Status} in {Duration:0.0} ms", Model.Name, operation.Name, attempt, what, duration.TotalMilliseconds);
    }

    // The endpoint rules put an S3 bucket in the endpoint (its host, or its path in path style), so the
    // bucket's URI label leaves the serialized path, as botocore does.
    private static void StripBucketLabel(OperationModel operation, JsonObject input, SerializedRequest serialized, ResolvedEndpoint endpoint)
    {
        foreach (var name in operation.Facts.BucketLabelMembers)
        {
            if (NativeValues.TryGetString(input[name], out var bucket))
            {
                var prefix = "/" + UriEncoding.Encode(bucket);
                if (serialized.Path == prefix)
                {
                    serialized.Path = "/";
                }
                else if (serialized.Path.StartsWith(prefix + "/", StringComparison.Ordinal))
                {
                    serialized.Path = serialized.Path[prefix.Length..];
                }
                return;
            }
        }
    }

    private static async ValueTask Delay(TimeSpan delay, bool async, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        if (async)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        else if (cancellationToken.WaitHandle.WaitOne(delay))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
