using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sqs;

// Cost allocation tags: TagQueue, UntagQueue, ListQueueTags.
public sealed partial class SqsService
{
    private const int MaxTags = 50;

    private JsonObject TagQueue(MockCallContext context, JsonObject input)
    {
        if (input["Tags"] is null)
        {
            throw SqsErrors.MissingParameter("Tags");
        }
        var tags = SqsInput.StringMap(input, "Tags");
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            if (queue.Tags.Keys.Union(tags.Keys).Count() > MaxTags)
            {
                throw SqsErrors.InvalidParameterValue($"Too many tags added for queue {queue.Name}.");
            }
            foreach (var (k, v) in tags)
            {
                queue.Tags[k] = v;
            }
            Touch();
        }
        return [];
    }

    private JsonObject UntagQueue(MockCallContext context, JsonObject input)
    {
        if (input["TagKeys"] is null)
        {
            throw SqsErrors.MissingParameter("TagKeys");
        }
        var keys = SqsInput.StringList(input, "TagKeys");
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            foreach (var k in keys)
            {
                queue.Tags.Remove(k);
            }
            Touch();
        }
        return [];
    }

    private JsonObject ListQueueTags(MockCallContext context, JsonObject input)
    {
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            if (queue.Tags.Count == 0)
            {
                return [];
            }
            var tags = new JsonObject();
            foreach (var (k, v) in queue.Tags)
            {
                tags[k] = v;
            }
            return new JsonObject { ["Tags"] = tags };
        }
    }
}
