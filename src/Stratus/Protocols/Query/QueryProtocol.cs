using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Query;

/// <summary>
/// The query protocol (IAM, STS, SQS's older API, CloudFormation, ...): the input as form fields in a POST
/// body, the output as XML inside <c>&lt;OpResponse&gt;&lt;OpResult&gt;</c>, errors as
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>.
/// </summary>
internal sealed class QueryProtocol : WireProtocol
{
    private static readonly QueryFormSerializer Form = new(ec2: false);

    /// <summary>Creates the protocol for a service.</summary>
    public QueryProtocol(ServiceMetadata metadata) => ArgumentNullException.ThrowIfNull(metadata);

    /// <inheritdoc />
    public override string Name => "query";

    /// <inheritdoc />
    protected override void Serialize(OperationModel operation, JsonObject input, SerializedRequest request) =>
        Form.Serialize(operation, input, request);

    /// <inheritdoc />
    public override JsonObject ParseResponse(OperationModel operation, RawResponse response) =>
        QueryResponses.Parse(operation, response, QueryResponses.ResultWrapper(operation));

    /// <inheritdoc />
    public override ParsedError ParseError(OperationModel operation, RawResponse response) =>
        QueryResponses.ParseError(operation, response);
}
