using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sqs;

// Dead-letter queues: redrive of messages received too often, and ListDeadLetterSourceQueues.
public sealed partial class SqsService
{
    private JsonObject ListDeadLetterSourceQueues(MockCallContext context, JsonObject input)
    {
        var (max, token) = SqsPaging.Read(input);
        List<string> urls;
        lock (_lock)
        {
            var target = QueueOf(context, input);
            urls = _queues.Values
                .Where(q => q.Key.AccountId == target.Key.AccountId && q.Key.Region == target.Key.Region && q.RedrivePolicy?.DeadLetterTargetArn == target.Arn)
                .OrderBy(q => q.Name, StringComparer.Ordinal)
                .Select(q => UrlOf(context, q))
                .ToList();
        }
        var (page, next) = SqsPaging.Page(urls, max, token);
        var output = new JsonObject { ["queueUrls"] = new JsonArray([.. page.Select(u => (JsonNode)u)]) };
        if (next is not null)
        {
            output["NextToken"] = next;
        }
        return output;
    }

    /// <summary>The queue's dead-letter queue, when it has a redrive policy whose target exists (under the lock).</summary>
    private (SqsQueue Queue, int MaxReceiveCount)? DeadLetterQueueOf(SqsQueue queue)
    {
        var policy = queue.RedrivePolicy;
        return policy is not null && SqsAddresses.TryParseArn(policy.DeadLetterTargetArn, out var key)
            && _queues.TryGetValue(key, out var dlq) && !ReferenceEquals(dlq, queue)
            ? (dlq, policy.MaxReceiveCount)
            : null;
    }

    /// <summary>Moves a message to the dead-letter queue: same id, body, attributes and send time, received afresh (under the lock).</summary>
    private static void MoveToDeadLetterQueue(SqsQueue source, SqsMessage message, SqsQueue dlq, DateTimeOffset now)
    {
        source.Messages.Remove(message);
        var moved = new SqsMessage(message.MessageId, message.Body, message.Attributes, message.SystemAttributes, message.SenderId, message.Sent)
        {
            GroupId = message.GroupId,
            DeduplicationId = message.DeduplicationId,
            SequenceNumber = dlq.IsFifo ? dlq.TakeSequenceNumber() : null,
            DeadLetterSourceArn = source.Arn,
            VisibleAt = now,
        };
        dlq.Messages.Add(moved);
        dlq.Signal();
    }
}
