using System.Globalization;

namespace Stratus.Testing.Services.Sqs;

/// <summary>One queue: its attributes, tags and messages. Guarded by the service's lock.</summary>
internal sealed class SqsQueue
{
    /// <summary>How long a FIFO queue remembers a deduplication id.</summary>
    public static readonly TimeSpan DeduplicationWindow = TimeSpan.FromMinutes(5);

    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqsQueue(SqsQueueKey key, DateTimeOffset created, Dictionary<string, string> attributes)
    {
        Key = key;
        Created = created;
        LastModified = created;
        Attributes = attributes;
        Arn = SqsAddresses.QueueArn(key);
    }

    public SqsQueueKey Key { get; }

    public string Name => Key.Name;

    public string Arn { get; }

    public bool IsFifo => Name.EndsWith(".fifo", StringComparison.Ordinal);

    public DateTimeOffset Created { get; }

    public DateTimeOffset LastModified { get; set; }

    public DateTimeOffset? LastPurge { get; set; }

    /// <summary>The settable attributes, defaults included, in their canonical text.</summary>
    public Dictionary<string, string> Attributes { get; }

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>The messages in the order they were sent (FIFO order for FIFO queues).</summary>
    public List<SqsMessage> Messages { get; } = [];

    /// <summary>Deduplication ids seen in the last five minutes (FIFO), with the message they admitted.</summary>
    public Dictionary<string, (string MessageId, string SequenceNumber, DateTimeOffset At)> Deduplication { get; } = new(StringComparer.Ordinal);

    public long NextSequence { get; set; } = 1;

    public int VisibilityTimeout => IntAttribute("VisibilityTimeout");

    public int DelaySeconds => IntAttribute("DelaySeconds");

    public int MaximumMessageSize => IntAttribute("MaximumMessageSize");

    public int MessageRetentionPeriod => IntAttribute("MessageRetentionPeriod");

    public int ReceiveMessageWaitTimeSeconds => IntAttribute("ReceiveMessageWaitTimeSeconds");

    public bool ContentBasedDeduplication => Attributes.TryGetValue("ContentBasedDeduplication", out var v) && v == "true";

    /// <summary>Whether deduplication ids are scoped to the message group rather than the queue.</summary>
    public bool DeduplicatePerGroup => Attributes.TryGetValue("DeduplicationScope", out var v) && v == "messageGroup";

    /// <summary>The redrive policy, when the queue has one.</summary>
    public SqsRedrivePolicy? RedrivePolicy =>
        Attributes.TryGetValue("RedrivePolicy", out var v) && SqsRedrivePolicy.TryParse(v, out var p) ? p : null;

    /// <summary>A task that completes at the next change that may make a message receivable (or the queue's deletion).</summary>
    public Task Changed => _changed.Task;

    /// <summary>Wakes long polls waiting on the queue.</summary>
    public void Signal()
    {
        var previous = _changed;
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    /// <summary>Drops messages past the retention period and deduplication ids past their window.</summary>
    public void Expire(DateTimeOffset now)
    {
        var oldest = now - TimeSpan.FromSeconds(MessageRetentionPeriod);
        Messages.RemoveAll(m => m.Sent <= oldest);
        if (Deduplication.Count > 0)
        {
            foreach (var (id, entry) in Deduplication.ToList())
            {
                if (entry.At + DeduplicationWindow <= now)
                {
                    Deduplication.Remove(id);
                }
            }
        }
    }

    /// <summary>When the next invisible message becomes visible, if any.</summary>
    public DateTimeOffset? NextVisibleAt(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var m in Messages)
        {
            if (m.VisibleAt > now && (next is null || m.VisibleAt < next))
            {
                next = m.VisibleAt;
            }
        }
        return next;
    }

    public SqsMessage? Find(string messageId) => Messages.Find(m => m.MessageId == messageId);

    /// <summary>The next FIFO sequence number: 20 digits, increasing.</summary>
    public string TakeSequenceNumber() => "1" + (NextSequence++).ToString("D19", CultureInfo.InvariantCulture);

    private int IntAttribute(string name) => int.Parse(Attributes[name], CultureInfo.InvariantCulture);
}
