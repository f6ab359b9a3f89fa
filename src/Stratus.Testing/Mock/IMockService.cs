using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Testing.Mock;

/// <summary>
/// One mocked service: answers an operation's input (native data keyed by the model's member names,
/// as a client passes it) with its output, or throws <see cref="MockServiceException"/> with AWS's error.
/// The protocol layer (reading requests, writing responses) is the mock cloud's, not the service's.
/// </summary>
public interface IMockService
{
    /// <summary>The service's model name, for example <c>s3</c>.</summary>
    string Name { get; }

    /// <summary>Answers one call. Must be thread-safe: calls arrive concurrently.</summary>
    /// <exception cref="MockServiceException">The service answers with an error.</exception>
    ValueTask<JsonObject> InvokeAsync(MockCallContext context, OperationModel operation, JsonObject input, CancellationToken cancellationToken);
}
