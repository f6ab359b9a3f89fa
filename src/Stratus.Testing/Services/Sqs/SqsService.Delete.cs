using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sqs;

// Deleting received messages: DeleteMessage and DeleteMessageBatch.
public sealed partial class SqsService
{
    private JsonObject DeleteMessage(MockCallContext context, JsonObject input)
    {
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            Delete(queue, SqsInput.RequiredString(input, "ReceiptHandle"), context.Now);
            Touch();
        }
        return [];
    }

    private JsonObject DeleteMessageBatch(MockCallContext context, JsonObject input)
    {
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            var entries = SqsInput.BatchEntries(input, "DeleteMessageBatchRequestEntry");
            var now = context.Now;
            var successful = new JsonArray();
            var failed = new JsonArray();
            foreach (var (id, entry) in entries)
            {
                try
                {
                    Delete(queue, SqsInput.RequiredString(entry, "ReceiptHandle"), now);
                    successful.Add((JsonNode)new JsonObject { ["Id"] = id });
                }
                catch (MockServiceException e)
                {
                    failed.Add((JsonNode)Failure(id, e));
                }
            }
            Touch();
            return new JsonObject { ["Successful"] = successful, ["Failed"] = failed };
        }
    }

    /// <summary>
    /// Deletes the message a receipt handle names, as SQS does: an unknown handle is an error; a message already
    /// gone is not; an older handle of a message received again succeeds without deleting it (standard queues)
    /// or has expired (FIFO queues, also once the visibility timeout ended).
    /// </summary>
    private static void Delete(SqsQueue queue, string handleText, DateTimeOffset now)
    {
        if (!SqsReceiptHandle.TryParse(handleText, out var handle) || handle.QueueArn != queue.Arn)
        {
            throw SqsErrors.ReceiptHandleIsInvalid(handleText);
        }
        var message = queue.Find(handle.MessageId);
        if (message is null)
        {
            return;
        }
        var current = message.ReceiptNonce == handle.Nonce;
        if (queue.IsFifo && (!current || !message.IsInFlight(now)))
        {
            throw SqsErrors.InvalidParameterValue("ReceiptHandle", handleText, "The receipt handle has expired.");
        }
        if (current)
        {
            queue.Messages.Remove(message);
        }
    }
}
