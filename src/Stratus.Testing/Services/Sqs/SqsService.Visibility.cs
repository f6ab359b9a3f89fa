using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sqs;

// Changing how long received messages stay invisible: ChangeMessageVisibility and its batch.
public sealed partial class SqsService
{
    /// <summary>A visibility timeout may reach at most 12 hours past the receive.</summary>
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromHours(12);

    private JsonObject ChangeMessageVisibility(MockCallContext context, JsonObject input)
    {
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            ChangeVisibility(queue, SqsInput.RequiredString(input, "ReceiptHandle"), SqsInput.OptionalInt(input, "VisibilityTimeout"), context.Now);
            queue.Signal();
            Touch();
        }
        return [];
    }

    private JsonObject ChangeMessageVisibilityBatch(MockCallContext context, JsonObject input)
    {
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            var entries = SqsInput.BatchEntries(input, "ChangeMessageVisibilityBatchRequestEntry");
            var now = context.Now;
            var successful = new JsonArray();
            var failed = new JsonArray();
            foreach (var (id, entry) in entries)
            {
                try
                {
                    ChangeVisibility(queue, SqsInput.RequiredString(entry, "ReceiptHandle"), SqsInput.OptionalInt(entry, "VisibilityTimeout"), now);
                    successful.Add((JsonNode)new JsonObject { ["Id"] = id });
                }
                catch (MockServiceException e)
                {
                    failed.Add((JsonNode)Failure(id, e));
                }
            }
            queue.Signal();
            Touch();
            return new JsonObject { ["Successful"] = successful, ["Failed"] = failed };
        }
    }

    /// <summary>Sets a received message's visibility timeout, counted from now (under the lock).</summary>
    private static void ChangeVisibility(SqsQueue queue, string handleText, int? timeout, DateTimeOffset now)
    {
        if (!SqsReceiptHandle.TryParse(handleText, out var handle) || handle.QueueArn != queue.Arn)
        {
            throw SqsErrors.ReceiptHandleIsInvalid(handleText);
        }
        var seconds = timeout ?? throw SqsErrors.MissingParameter("VisibilityTimeout");
        if (seconds is < 0 or > 43_200)
        {
            throw SqsErrors.InvalidParameterValue("VisibilityTimeout", seconds.ToString(CultureInfo.InvariantCulture), "Must be >= 0 and <= 43200, if provided.");
        }
        var message = queue.Find(handle.MessageId);
        if (message is null || message.ReceiptNonce != handle.Nonce)
        {
            throw SqsErrors.InvalidParameterValue("ReceiptHandle", handleText, "Message does not exist or is not available for visibility timeout change.");
        }
        if (!message.IsInFlight(now))
        {
            throw SqsErrors.MessageNotInflight();
        }
        var visibleAt = now + TimeSpan.FromSeconds(seconds);
        if (message.LastReceived is { } received && visibleAt - received > MaxVisibility)
        {
            throw SqsErrors.InvalidParameterValue("VisibilityTimeout", seconds.ToString(CultureInfo.InvariantCulture), "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
        }
        message.VisibleAt = visibleAt;
    }
}
