using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sqs;

/// <summary>
/// The mock cloud's Amazon SQS: standard and FIFO queues per account and region, with visibility timeouts,
/// delays, long polling, message attributes and their MD5 digests, FIFO ordering and deduplication,
/// dead-letter redrive, tags, and AWS's errors. Thread-safe (one lock over all queues; long polls wait
/// without holding a thread). Times come from the call's clock, so tests can drive them.
/// </summary>
public sealed partial class SqsService : MockService, IPersistentMockService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SqsQueueKey, SqsQueue> _queues = [];
    private long _stateVersion;

    /// <summary>Creates an empty SQS.</summary>
    public SqsService()
    {
        On("CreateQueue", CreateQueue);
        On("GetQueueUrl", GetQueueUrl);
        On("ListQueues", ListQueues);
        On("DeleteQueue", DeleteQueue);
        On("GetQueueAttributes", GetQueueAttributes);
        On("SetQueueAttributes", SetQueueAttributes);
        On("PurgeQueue", PurgeQueue);
        On("TagQueue", TagQueue);
        On("UntagQueue", UntagQueue);
        On("ListQueueTags", ListQueueTags);
        On("ListDeadLetterSourceQueues", ListDeadLetterSourceQueues);
        On("SendMessage", SendMessage);
        On("SendMessageBatch", SendMessageBatch);
        On("ReceiveMessage", ReceiveMessageAsync);
        On("DeleteMessage", DeleteMessage);
        On("DeleteMessageBatch", DeleteMessageBatch);
        On("ChangeMessageVisibility", ChangeMessageVisibility);
        On("ChangeMessageVisibilityBatch", ChangeMessageVisibilityBatch);
    }

    /// <inheritdoc />
    public override string Name => "sqs";

    /// <inheritdoc />
    public long StateVersion => Interlocked.Read(ref _stateVersion);

    private void Touch() => Interlocked.Increment(ref _stateVersion);

    /// <summary>The queue a <c>QueueUrl</c> names, in the call's region (under the lock).</summary>
    private SqsQueue FindQueue(MockCallContext context, string url)
    {
        if (!SqsAddresses.TryParseQueueUrl(url, out var account, out var name))
        {
            throw SqsErrors.InvalidAddress(url);
        }
        return _queues.TryGetValue(new SqsQueueKey(account, context.Region, name), out var queue) ? queue : throw SqsErrors.QueueDoesNotExist();
    }

    /// <summary>The queue the input's <c>QueueUrl</c> names (under the lock).</summary>
    private SqsQueue QueueOf(MockCallContext context, JsonObject input) => FindQueue(context, QueueUrlOf(context, input));

    /// <summary>
    /// The queue URL a call names: its <c>QueueUrl</c> member or, as SQS's query API also allows (boto 2 does
    /// this), the request's own path when the request is sent to the queue URL.
    /// </summary>
    private static string QueueUrlOf(MockCallContext context, JsonObject input) =>
        input["QueueUrl"] is null && context.Request.Path.Trim('/').Contains('/', StringComparison.Ordinal)
            ? new Uri(context.BaseUrl, context.Request.Path).ToString()
            : SqsInput.RequiredString(input, "QueueUrl");

    private static string UrlOf(MockCallContext context, SqsQueue queue) => SqsAddresses.QueueUrl(context.BaseUrl, queue.Key);

    /// <summary>A <c>BatchResultErrorEntry</c> for an entry that failed.</summary>
    private static JsonObject Failure(string id, MockServiceException error) => new()
    {
        ["Id"] = id,
        ["SenderFault"] = error.Error.SenderFault,
        ["Code"] = error.Error.Code,
        ["Message"] = error.Error.Message,
    };
}
