using System.Text.Json.Nodes;

namespace Stratus.Testing.Mock;

/// <summary>
/// A mocked service whose state survives a restart when the mock cloud has a state directory. The cloud
/// saves a snapshot (atomically, flushed to disk) after every call that changed <see cref="StateVersion"/>,
/// before the response is sent, so an acknowledged write is never lost.
/// </summary>
public interface IPersistentMockService : IMockService
{
    /// <summary>A number that changes whenever the state changes (increment it under the service's lock).</summary>
    long StateVersion { get; }

    /// <summary>The whole state as JSON (large binary data goes to <see cref="MockBlobStore"/>, referenced by id).</summary>
    JsonNode SaveState();

    /// <summary>Restores the state saved by <see cref="SaveState"/>.</summary>
    void LoadState(JsonNode state);
}
