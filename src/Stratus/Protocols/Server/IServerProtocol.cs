using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Server;

/// <summary>
/// A wire protocol used in reverse, by a server: find the operation a request calls, read its input
/// into native data, and write an output or an error the way the real service would.
/// Implementations are stateless and shared.
/// </summary>
public interface IServerProtocol
{
    /// <summary>The protocol's name as service models spell it.</summary>
    string Name { get; }

    /// <summary>
    /// Finds the operation a request calls (X-Amz-Target, Action, path template, ...), or null when it names none
    /// of the service's (the server answers as the service does: <c>UnknownOperationException</c>, <c>InvalidAction</c>, ...).
    /// </summary>
    /// <exception cref="ProtocolReadException">The request cannot be read far enough to tell (a malformed form).</exception>
    OperationModel? FindOperation(ServiceModel service, ServerRequest request);

    /// <summary>Reads the request's input into native data keyed by member names (as a client would have passed it).</summary>
    /// <exception cref="ProtocolReadException">The request cannot be read (malformed body, bad value).</exception>
    JsonObject ParseRequest(OperationModel operation, ServerRequest request);

    /// <summary>Writes an operation's output (native data keyed by member names) as the service would.</summary>
    ServerResponse SerializeResponse(OperationModel operation, JsonObject output);

    /// <summary>Writes an error as the service would. <paramref name="operation"/> is null when no operation was found.</summary>
    ServerResponse SerializeError(ServiceModel service, OperationModel? operation, ServiceError error);
}
