using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Testing.Mock;

/// <summary>
/// A base for mocked services: register a handler per operation; an operation without one answers
/// with a clear <c>NotImplemented</c> error naming it, never an empty success.
/// </summary>
public abstract class MockService : IMockService
{
    private readonly Dictionary<string, Func<MockCallContext, JsonObject, CancellationToken, ValueTask<JsonObject>>> _handlers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The operations this service implements.</summary>
    public IEnumerable<string> Operations => _handlers.Keys;

    /// <summary>Registers an operation's handler.</summary>
    protected void On(string operation, Func<MockCallContext, JsonObject, JsonObject> handler) =>
        _handlers[operation] = (c, i, _) => ValueTask.FromResult(handler(c, i));

    /// <summary>Registers an operation's asynchronous handler.</summary>
    protected void On(string operation, Func<MockCallContext, JsonObject, CancellationToken, ValueTask<JsonObject>> handler) =>
        _handlers[operation] = handler;

    /// <inheritdoc />
    public ValueTask<JsonObject> InvokeAsync(MockCallContext context, OperationModel operation, JsonObject input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return _handlers.TryGetValue(operation.Name, out var handler)
            ? handler(context, input, cancellationToken)
            : throw new MockServiceException("NotImplemented", $"The Stratus mock cloud does not implement {Name}.{operation.Name}.", 501, senderFault: false);
    }
}
