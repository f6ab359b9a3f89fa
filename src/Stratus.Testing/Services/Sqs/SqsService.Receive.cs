using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sqs;

// Receiving: ReceiveMessage with long polling, FIFO group order, and redrive to the dead-letter queue.
public sealed partial class SqsService
{
    private async ValueTask<JsonObject> ReceiveMessageAsync(MockCallContext context, JsonObject input, CancellationToken cancellationToken)
    {
        var url = QueueUrlOf(context, input);
        var max = SqsInput.IntInRange(input, "MaxNumberOfMessages", 1, 10, 1);
        var request = new ReceiveRequest(
            max,
            SqsInput.OptionalInt(input, "VisibilityTimeout"),
            [.. SqsInput.StringList(input, "AttributeNames"), .. SqsInput.StringList(input, "MessageSystemAttributeNames")],
            SqsInput.StringList(input, "MessageAttributeNames"));
        if (request.VisibilityTimeout is < 0 or > 43_200)
        {
            throw SqsErrors.InvalidParameterValue("VisibilityTimeout", request.VisibilityTimeout.Value.ToString(CultureInfo.InvariantCulture), "Must be >= 0 and <= 43200, if provided.");
        }
        int wait;
        DateTimeOffset deadline;
        lock (_lock)
        {
            var queue = FindQueue(context, url);
            wait = SqsInput.IntInRange(input, "WaitTimeSeconds", 0, 20, queue.ReceiveMessageWaitTimeSeconds, "Must be >= 0 and <= 20, if provided.");
            deadline = context.Now + TimeSpan.FromSeconds(wait);
        }
        while (true)
        {
            Task changed;
            TimeSpan sleep;
            lock (_lock)
            {
                var queue = FindQueue(context, url);
                var now = context.Now;
                var messages = Take(context, queue, request, now);
                if (messages.Count > 0 || now >= deadline)
                {
                    return messages.Count > 0 ? new JsonObject { ["Messages"] = new JsonArray([.. messages]) } : [];
                }
                changed = queue.Changed;
                var wake = queue.NextVisibleAt(now) is { } next && next < deadline ? next : deadline;
                sleep = wake - now;
            }
            try
            {
                // Wait without a thread: for a send or visibility change on the queue, for the next message to
                // become visible, or for the end of the wait; cancellation ends the poll at once.
                await changed.WaitAsync(sleep, context.Clock, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Takes up to the requested number of visible messages, making them in flight (under the lock).</summary>
    private List<JsonObject> Take(MockCallContext context, SqsQueue queue, ReceiveRequest request, DateTimeOffset now)
    {
        queue.Expire(now);
        var visibility = TimeSpan.FromSeconds(request.VisibilityTimeout ?? queue.VisibilityTimeout);
        var deadLetter = DeadLetterQueueOf(queue);
        HashSet<string>? blockedGroups = null;
        if (queue.IsFifo)
        {
            // FIFO: while a message of a group is invisible, no later message of that group is delivered.
            blockedGroups = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in queue.Messages)
            {
                if (m.VisibleAt > now && m.GroupId is { } g)
                {
                    blockedGroups.Add(g);
                }
            }
        }
        var taken = new List<JsonObject>();
        var changed = false;
        foreach (var message in queue.Messages.ToList())
        {
            if (taken.Count >= request.MaxNumberOfMessages)
            {
                break;
            }
            if (message.VisibleAt > now || (message.GroupId is { } group && blockedGroups?.Contains(group) == true))
            {
                continue;
            }
            changed = true;
            if (deadLetter is { } dlq && message.ReceiveCount >= dlq.MaxReceiveCount)
            {
                MoveToDeadLetterQueue(queue, message, dlq.Queue, now);
                continue;
            }
            message.ReceiveCount++;
            message.FirstReceived ??= now;
            message.LastReceived = now;
            message.ReceiptNonce = Guid.NewGuid().ToString("N");
            message.VisibleAt = now + visibility;
            taken.Add(ToOutput(queue, message, request));
        }
        if (changed)
        {
            Touch();
        }
        return taken;
    }

    /// <summary>A received message as the <c>Message</c> output structure, with the requested attributes.</summary>
    private static JsonObject ToOutput(SqsQueue queue, SqsMessage message, ReceiveRequest request)
    {
        var output = new JsonObject
        {
            ["MessageId"] = message.MessageId,
            ["ReceiptHandle"] = new SqsReceiptHandle(queue.Arn, message.MessageId, message.ReceiptNonce!).ToString(),
            ["MD5OfBody"] = message.Md5OfBody,
            ["Body"] = message.Body,
        };
        var system = SystemAttributes(message, request.SystemAttributeNames);
        if (system.Count > 0)
        {
            output["Attributes"] = system;
        }
        var selected = message.Attributes.Where(a => request.WantsAttribute(a.Key)).ToList();
        if (selected.Count > 0)
        {
            // The digest covers the attributes returned, so clients can check what they got.
            output["MD5OfMessageAttributes"] = SqsChecksums.AttributesMd5(selected);
            var attributes = new JsonObject();
            foreach (var (name, value) in selected)
            {
                attributes[name] = value.ToJson();
            }
            output["MessageAttributes"] = attributes;
        }
        return output;
    }

    private static JsonObject SystemAttributes(SqsMessage message, List<string> names)
    {
        var all = names.Contains("All");
        var result = new JsonObject();
        void Add(string name, string? value)
        {
            if (value is not null && (all || names.Contains(name)))
            {
                result[name] = value;
            }
        }
        Add("SenderId", message.SenderId);
        Add("SentTimestamp", Milliseconds(message.Sent));
        Add("ApproximateReceiveCount", message.ReceiveCount.ToString(CultureInfo.InvariantCulture));
        Add("ApproximateFirstReceiveTimestamp", message.FirstReceived is { } first ? Milliseconds(first) : null);
        Add("SequenceNumber", message.SequenceNumber);
        Add("MessageDeduplicationId", message.DeduplicationId);
        Add("MessageGroupId", message.GroupId);
        Add("AWSTraceHeader", message.SystemAttributes.GetValueOrDefault("AWSTraceHeader")?.StringValue);
        Add("DeadLetterQueueSourceArn", message.DeadLetterSourceArn);
        return result;
    }

    private static string Milliseconds(DateTimeOffset t) => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>What a ReceiveMessage call asks for.</summary>
    private sealed record ReceiveRequest(int MaxNumberOfMessages, int? VisibilityTimeout, List<string> SystemAttributeNames, List<string> MessageAttributeNames)
    {
        /// <summary>Whether a message attribute is asked for: <c>All</c>, <c>.*</c>, its name, or a <c>prefix.*</c> matching it.</summary>
        public bool WantsAttribute(string name) => MessageAttributeNames.Exists(n =>
            n is "All" or ".*" || n == name || (n.EndsWith(".*", StringComparison.Ordinal) && name.StartsWith(n[..^1], StringComparison.Ordinal)));
    }
}
