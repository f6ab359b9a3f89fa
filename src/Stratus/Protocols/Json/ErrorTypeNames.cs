using Stratus.Models;

namespace Stratus.Protocols.Json;

/// <summary>
/// The error type a server writes in <c>__type</c>. Real JSON services differ: DynamoDB writes its
/// legacy namespace (<c>com.amazonaws.dynamodb.v20120810#ResourceNotFoundException</c>), SQS its Smithy
/// namespace (<c>com.amazonaws.sqs#QueueDoesNotExist</c>), most others (Kinesis, CloudWatch Logs, KMS) the
/// bare shape name. RPC v2 CBOR requires a full shape id. Clients drop the namespace, so this is fidelity only.
/// </summary>
internal static class ErrorTypeNames
{
    // By targetPrefix: the services known to write a namespace in JSON error types.
    private static readonly Dictionary<string, string> KnownNamespaces = new(StringComparer.Ordinal)
    {
        ["DynamoDB_20120810"] = "com.amazonaws.dynamodb.v20120810",
        ["AmazonSQS"] = "com.amazonaws.sqs",
    };

    /// <summary>The <c>__type</c> of a json-protocol error: <c>namespace#Name</c> for the services known to write one, else the bare name.</summary>
    public static string Json(ServiceMetadata metadata, string name) =>
        metadata.TargetPrefix is { } prefix && KnownNamespaces.TryGetValue(prefix, out var ns) ? ns + "#" + name : name;

    /// <summary>
    /// The <c>__type</c> of an RPC v2 CBOR error: a shape id. Models do not carry the Smithy namespace; AWS's is
    /// <c>com.amazonaws.</c> and the service id in lower case without spaces (<c>com.amazonaws.cloudwatch</c>).
    /// </summary>
    public static string ShapeId(ServiceMetadata metadata, string name)
    {
        if (metadata.TargetPrefix is { } prefix && KnownNamespaces.TryGetValue(prefix, out var ns))
        {
            return ns + "#" + name;
        }
        return "com.amazonaws." + metadata.ServiceId.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() + "#" + name;
    }
}
