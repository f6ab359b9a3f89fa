using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.Sqs;

/// <summary>A queue's <c>RedrivePolicy</c>: where messages go after too many receives.</summary>
/// <param name="DeadLetterTargetArn">The dead-letter queue's ARN.</param>
/// <param name="MaxReceiveCount">How many receives a message gets before it moves (1 to 1000).</param>
internal sealed record SqsRedrivePolicy(string DeadLetterTargetArn, int MaxReceiveCount)
{
    /// <summary>Reads the policy's JSON (maxReceiveCount may be a number or numeric text).</summary>
    public static bool TryParse(string json, out SqsRedrivePolicy policy)
    {
        policy = null!;
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o
                || !NativeValues.TryGetString(o["deadLetterTargetArn"], out var arn)
                || !NativeValues.TryGetInt64(o["maxReceiveCount"], out var count)
                || count is < 1 or > 1000)
            {
                return false;
            }
            policy = new SqsRedrivePolicy(arn, (int)count);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The policy as SQS returns it in GetQueueAttributes.</summary>
    public string ToJson() =>
        new JsonObject { ["deadLetterTargetArn"] = DeadLetterTargetArn, ["maxReceiveCount"] = MaxReceiveCount }.ToJsonString();

    /// <inheritdoc />
    public override string ToString() => $"{DeadLetterTargetArn} after {MaxReceiveCount.ToString(CultureInfo.InvariantCulture)}";
}
