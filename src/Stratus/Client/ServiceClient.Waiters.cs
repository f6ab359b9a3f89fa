using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Waiters;

namespace Stratus.Client;

public sealed partial class ServiceClient
{
    private IReadOnlyDictionary<string, WaiterDefinition>? _waiters;

    /// <summary>The service's waiters (from waiters-2.json), by name.</summary>
    public IReadOnlyDictionary<string, WaiterDefinition> Waiters =>
        _waiters ??= _models.LoadWaiters(Model.Name) is { } doc ? WaiterDefinition.ParseAll(doc) : new Dictionary<string, WaiterDefinition>();

    /// <summary>
    /// Polls the waiter's operation with <paramref name="input"/> until an acceptor says success (returns that
    /// response), failure, or attempts or time run out. Cancellation ends the wait at once.
    /// </summary>
    /// <exception cref="WaiterException">A failure acceptor matched, an unexpected error came, or attempts or time ran out.</exception>
    /// <exception cref="ClientException">The service has no such waiter, or a call failed on the client's side.</exception>
    public Task<JsonObject> WaitAsync(string waiter, JsonObject? input = null, WaiterOptions? options = null, CancellationToken cancellationToken = default) =>
        WaitCoreAsync(Waiter(waiter), input, options, async: true, cancellationToken).AsTask();

    /// <summary>Waits synchronously; the same code path as <see cref="WaitAsync(string, JsonObject?, WaiterOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="WaiterException">A failure acceptor matched, an unexpected error came, or attempts or time ran out.</exception>
    /// <exception cref="ClientException">The service has no such waiter, or a call failed on the client's side.</exception>
    public JsonObject Wait(string waiter, JsonObject? input = null, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        var task = WaitCoreAsync(Waiter(waiter), input, options, async: false, cancellationToken);
        return task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("A synchronous wait did not complete synchronously.");
    }

    /// <summary>Waits with a definition of one's own (for example, one not in the service's model).</summary>
    /// <exception cref="WaiterException">A failure acceptor matched, an unexpected error came, or attempts or time ran out.</exception>
    public Task<JsonObject> WaitAsync(WaiterDefinition waiter, JsonObject? input = null, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(waiter);
        return WaitCoreAsync(waiter, input, options, async: true, cancellationToken).AsTask();
    }

    /// <summary>Waits synchronously with a definition of one's own.</summary>
    /// <exception cref="WaiterException">A failure acceptor matched, an unexpected error came, or attempts or time ran out.</exception>
    public JsonObject Wait(WaiterDefinition waiter, JsonObject? input = null, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(waiter);
        var task = WaitCoreAsync(waiter, input, options, async: false, cancellationToken);
        return task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("A synchronous wait did not complete synchronously.");
    }

    private ValueTask<JsonObject> WaitCoreAsync(WaiterDefinition waiter, JsonObject? input, WaiterOptions? options, bool async, CancellationToken cancellationToken)
    {
        var operation = Operation(waiter.Operation);
        return WaiterRunner.RunAsync(waiter, options, (a, ct) => InvokeAsync(operation, input, a, ct), async, cancellationToken);
    }

    private WaiterDefinition Waiter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Waiters.TryGetValue(name, out var found))
        {
            return found;
        }
        var folded = NameStyle.Fold(name);
        return Waiters.Values.FirstOrDefault(w => NameStyle.Fold(w.Name) == folded)
            ?? throw new ClientException(ClientErrorKind.Unsupported,
                $"{Model.Name}: no waiter '{name}'.{(Waiters.Count == 0 ? "" : " Waiters: " + string.Join(", ", Waiters.Keys.Order(StringComparer.Ordinal)) + ".")}")
            {
                Service = Model.Name,
            };
    }
}
