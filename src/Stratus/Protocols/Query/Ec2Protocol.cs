using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Query;

/// <summary>
/// The ec2 protocol: the query protocol with EC2's names (queryName, else capitalized) and always-flat
/// lists on input, output members directly under the root element, errors as
/// <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;</c>.
/// </summary>
internal sealed class Ec2Protocol : WireProtocol
{
    private static readonly QueryFormSerializer Form = new(ec2: true);

    /// <summary>Creates the protocol for a service.</summary>
    public Ec2Protocol(ServiceMetadata metadata) => ArgumentNullException.ThrowIfNull(metadata);

    /// <inheritdoc />
    public override string Name => "ec2";

    /// <inheritdoc />
    protected override void Serialize(OperationModel operation, JsonObject input, SerializedRequest request) =>
        Form.Serialize(operation, input, request);

    /// <inheritdoc />
    public override JsonObject ParseResponse(OperationModel operation, RawResponse response) =>
        QueryResponses.Parse(operation, response, wrapper: null);

    /// <inheritdoc />
    public override ParsedError ParseError(OperationModel operation, RawResponse response) =>
        QueryResponses.ParseError(operation, response);
}
