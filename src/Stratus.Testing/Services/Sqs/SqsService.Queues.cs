using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sqs;

// Queue lifecycle and attributes: CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, Get/SetQueueAttributes, PurgeQueue.
public sealed partial class SqsService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromSeconds(60);

    private JsonObject CreateQueue(MockCallContext context, JsonObject input)
    {
        var name = SqsInput.RequiredString(input, "QueueName");
        var given = SqsInput.StringMap(input, "Attributes");
        var fifo = given.TryGetValue("FifoQueue", out var f) && bool.TryParse(f, out var isFifo) && isFifo;
        CheckQueueName(name, fifo);
        var attributes = SqsQueueAttributes.Normalize(given, fifo, creating: true);
        var tags = SqsInput.StringMap(input, "tags");
        var key = new SqsQueueKey(context.Account.AccountId, context.Region, name);
        lock (_lock)
        {
            if (_queues.TryGetValue(key, out var existing))
            {
                foreach (var (attribute, value) in attributes)
                {
                    if (SqsQueueAttributes.Current(existing.Attributes, attribute) != value)
                    {
                        throw SqsErrors.QueueNameExists(attribute);
                    }
                }
                return new JsonObject { ["QueueUrl"] = UrlOf(context, existing) };
            }
            CheckRedriveTarget(key, fifo, attributes);
            var queue = new SqsQueue(key, context.Now, SqsQueueAttributes.ForNewQueue(attributes, fifo));
            foreach (var (k, v) in tags)
            {
                queue.Tags[k] = v;
            }
            _queues[key] = queue;
            Touch();
            return new JsonObject { ["QueueUrl"] = UrlOf(context, queue) };
        }
    }

    private JsonObject GetQueueUrl(MockCallContext context, JsonObject input)
    {
        var name = SqsInput.RequiredString(input, "QueueName");
        var account = SqsInput.OptionalString(input, "QueueOwnerAWSAccountId") is { Length: > 0 } owner ? owner : context.Account.AccountId;
        lock (_lock)
        {
            return _queues.TryGetValue(new SqsQueueKey(account, context.Region, name), out var queue)
                ? new JsonObject { ["QueueUrl"] = UrlOf(context, queue) }
                : throw SqsErrors.QueueDoesNotExist();
        }
    }

    private JsonObject ListQueues(MockCallContext context, JsonObject input)
    {
        var prefix = SqsInput.OptionalString(input, "QueueNamePrefix") ?? "";
        var (max, token) = SqsPaging.Read(input);
        List<string> urls;
        lock (_lock)
        {
            urls = _queues.Values
                .Where(q => q.Key.AccountId == context.Account.AccountId && q.Key.Region == context.Region && q.Name.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(q => q.Name, StringComparer.Ordinal)
                .Select(q => UrlOf(context, q))
                .ToList();
        }
        var (page, next) = SqsPaging.Page(urls, max, token);
        var output = new JsonObject();
        if (page.Count > 0)
        {
            output["QueueUrls"] = new JsonArray([.. page.Select(u => (JsonNode)u)]);
        }
        if (next is not null)
        {
            output["NextToken"] = next;
        }
        return output;
    }

    private JsonObject DeleteQueue(MockCallContext context, JsonObject input)
    {
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            _queues.Remove(queue.Key);
            queue.Signal();
            Touch();
        }
        return [];
    }

    private JsonObject GetQueueAttributes(MockCallContext context, JsonObject input)
    {
        var names = SqsInput.StringList(input, "AttributeNames");
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            var now = context.Now;
            queue.Expire(now);
            var attributes = SqsQueueAttributes.Read(queue, names, now);
            return attributes.Count > 0 ? new JsonObject { ["Attributes"] = attributes } : [];
        }
    }

    private JsonObject SetQueueAttributes(MockCallContext context, JsonObject input)
    {
        if (input["Attributes"] is null)
        {
            throw SqsErrors.MissingParameter("Attributes");
        }
        var given = SqsInput.StringMap(input, "Attributes");
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            var attributes = SqsQueueAttributes.Normalize(given, queue.IsFifo, creating: false);
            CheckRedriveTarget(queue.Key, queue.IsFifo, attributes);
            SqsQueueAttributes.Apply(queue.Attributes, attributes);
            queue.LastModified = context.Now;
            queue.Signal();
            Touch();
        }
        return [];
    }

    private JsonObject PurgeQueue(MockCallContext context, JsonObject input)
    {
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            var now = context.Now;
            if (queue.LastPurge is { } last && now - last < PurgeInterval)
            {
                throw SqsErrors.PurgeQueueInProgress(queue.Arn);
            }
            queue.Messages.Clear();
            queue.LastPurge = now;
            Touch();
        }
        return [];
    }

    /// <summary>Queue names: 1 to 80 letters, digits, hyphens and underscores; FIFO queues end in <c>.fifo</c> (and only they).</summary>
    private static void CheckQueueName(string name, bool fifo)
    {
        var endsFifo = name.EndsWith(".fifo", StringComparison.Ordinal);
        if (fifo != endsFifo)
        {
            throw SqsErrors.InvalidParameterValue(fifo
                ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length."
                : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        var stem = endsFifo ? name[..^5] : name;
        if (stem.Length == 0 || name.Length > 80 || !stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw SqsErrors.InvalidParameterValue("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
    }

    /// <summary>A redrive policy's dead-letter queue must exist, in the same account and region, and be of the same type.</summary>
    private void CheckRedriveTarget(SqsQueueKey source, bool fifo, Dictionary<string, string> attributes)
    {
        if (!attributes.TryGetValue("RedrivePolicy", out var json) || json.Length == 0 || !SqsRedrivePolicy.TryParse(json, out var policy))
        {
            return;
        }
        if (!SqsAddresses.TryParseArn(policy.DeadLetterTargetArn, out var target) || target.AccountId != source.AccountId
            || target.Region != source.Region || !_queues.TryGetValue(target, out var dlq))
        {
            throw SqsErrors.InvalidParameterValue("RedrivePolicy", json, "Dead letter target does not exist.");
        }
        if (dlq.IsFifo != fifo)
        {
            throw SqsErrors.InvalidParameterValue("RedrivePolicy", json, "Dead-letter queue must be same type of queue as the source.");
        }
    }
}
