using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols;

/// <summary>
/// A wire protocol (ec2, query, json, rest-json, rest-xml, smithy-rpc-v2-cbor): turns an operation's
/// input into a <see cref="SerializedRequest"/> and a <see cref="RawResponse"/> back into native data.
/// Implementations are stateless and shared.
/// </summary>
public interface IWireProtocol
{
    /// <summary>The protocol's name as service models spell it.</summary>
    string Name { get; }

    /// <summary>Serializes an operation's input (already validated) into a request description.</summary>
    SerializedRequest SerializeRequest(OperationModel operation, JsonObject input);

    /// <summary>Parses a successful response into the operation's output, keyed by member names.</summary>
    JsonObject ParseResponse(OperationModel operation, RawResponse response);

    /// <summary>Parses an error response.</summary>
    ParsedError ParseError(OperationModel operation, RawResponse response);
}
