namespace Stratus.Testing.Services.Sqs;

/// <summary>One message in a queue, with its delivery state. Guarded by the service's lock.</summary>
internal sealed class SqsMessage
{
    public SqsMessage(string messageId, string body, SortedDictionary<string, SqsAttributeValue> attributes, SortedDictionary<string, SqsAttributeValue> systemAttributes, string senderId, DateTimeOffset sent)
    {
        MessageId = messageId;
        Body = body;
        Attributes = attributes;
        SystemAttributes = systemAttributes;
        SenderId = senderId;
        Sent = sent;
        VisibleAt = sent;
        Md5OfBody = SqsChecksums.Md5Hex(body);
        Md5OfAttributes = SqsChecksums.AttributesMd5(attributes);
        Md5OfSystemAttributes = SqsChecksums.AttributesMd5(systemAttributes);
    }

    public string MessageId { get; }

    public string Body { get; }

    /// <summary>The user message attributes, by name.</summary>
    public SortedDictionary<string, SqsAttributeValue> Attributes { get; }

    /// <summary>The message system attributes the sender set (<c>AWSTraceHeader</c>).</summary>
    public SortedDictionary<string, SqsAttributeValue> SystemAttributes { get; }

    public string SenderId { get; }

    /// <summary>When the message was first sent (kept when it moves to a dead-letter queue: retention counts from here).</summary>
    public DateTimeOffset Sent { get; }

    public string Md5OfBody { get; }

    public string? Md5OfAttributes { get; }

    public string? Md5OfSystemAttributes { get; }

    /// <summary>Until when the message is invisible: delayed (never received) or in flight (received).</summary>
    public DateTimeOffset VisibleAt { get; set; }

    public int ReceiveCount { get; set; }

    public DateTimeOffset? FirstReceived { get; set; }

    /// <summary>The latest receive: a visibility timeout may reach at most 12 hours past it.</summary>
    public DateTimeOffset? LastReceived { get; set; }

    /// <summary>What tells this receipt from earlier ones: only the newest receipt handle deletes the message.</summary>
    public string? ReceiptNonce { get; set; }

    public string? GroupId { get; init; }

    public string? DeduplicationId { get; init; }

    public string? SequenceNumber { get; init; }

    /// <summary>The queue the message was moved from, in a dead-letter queue.</summary>
    public string? DeadLetterSourceArn { get; init; }

    /// <summary>Whether a receive made the message invisible and its visibility timeout has not ended.</summary>
    public bool IsInFlight(DateTimeOffset now) => ReceiptNonce is not null && VisibleAt > now;

    /// <summary>Whether the message waits out its delay (sent, never received, not yet visible).</summary>
    public bool IsDelayed(DateTimeOffset now) => ReceiptNonce is null && VisibleAt > now;
}
