using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Waiters;

/// <summary>Polls an operation until an acceptor decides; one body for sync and async.</summary>
internal static class WaiterRunner
{
    public static async ValueTask<JsonObject> RunAsync(WaiterDefinition waiter, WaiterOptions? options, Func<bool, CancellationToken, ValueTask<JsonObject>> call, bool async, CancellationToken cancellationToken)
    {
        var delay = options?.Delay ?? waiter.Delay;
        var maxAttempts = Math.Max(1, options?.MaxAttempts ?? waiter.MaxAttempts);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options?.Timeout is { } timeout)
        {
            deadline.CancelAfter(timeout);
        }
        var ct = deadline.Token;
        JsonObject? result = null;
        WaiterState? state = null;
        var attempt = 0;
        try
        {
            while (true)
            {
                attempt++;
                ServiceException? error = null;
                try
                {
                    result = await call(async, ct).ConfigureAwait(false);
                }
                catch (ServiceException e)
                {
                    error = e;
                    result = null;
                }
                var matched = waiter.Acceptors.FirstOrDefault(a => a.Matches(result, error));
                state = matched?.State;
                switch (state)
                {
                    case WaiterState.Success:
                        return result ?? ErrorResult(error!);
                    case WaiterState.Failure:
                        throw new WaiterException(waiter.Name, attempt, state, $"a failure acceptor matched ({matched})", result, error);
                    case null when error is not null:
                        throw new WaiterException(waiter.Name, attempt, WaiterState.Failure, $"unexpected error {error.ErrorCode}: {error.ErrorMessage}", null, error);
                }
                if (attempt >= maxAttempts)
                {
                    throw new WaiterException(waiter.Name, attempt, state, $"max attempts ({maxAttempts}) exceeded", result, error);
                }
                await Delay(delay, async, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new WaiterException(waiter.Name, attempt, state, $"timed out after {options!.Timeout!.Value.TotalSeconds:0.###} s", result, e);
        }
    }

    // What a success on an error (BucketNotExists: a 404) returns: the error as botocore shows it.
    private static JsonObject ErrorResult(ServiceException error) => new()
    {
        ["Error"] = new JsonObject { ["Code"] = error.ErrorCode, ["Message"] = error.ErrorMessage },
        ["ResponseMetadata"] = new JsonObject { ["RequestId"] = error.RequestId, ["HTTPStatusCode"] = error.StatusCode },
    };

    private static async ValueTask Delay(TimeSpan delay, bool async, CancellationToken ct)
    {
        if (async)
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
        else if (ct.WaitHandle.WaitOne(delay))
        {
            ct.ThrowIfCancellationRequested();
        }
        ct.ThrowIfCancellationRequested();
    }
}
