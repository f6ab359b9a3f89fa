using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sqs;

// Sending: SendMessage and SendMessageBatch, with delays, attributes, and FIFO groups and deduplication.
public sealed partial class SqsService
{
    /// <summary>The most a batch may carry in all (bodies and attributes).</summary>
    private const long MaxBatchBytes = 1_048_576;

    private JsonObject SendMessage(MockCallContext context, JsonObject input)
    {
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            var result = Send(context, queue, input, context.Now);
            queue.Signal();
            Touch();
            return result;
        }
    }

    private JsonObject SendMessageBatch(MockCallContext context, JsonObject input)
    {
        lock (_lock)
        {
            var queue = QueueOf(context, input);
            var entries = SqsInput.BatchEntries(input, "SendMessageBatchRequestEntry");
            var total = entries.Sum(e => Size(SqsInput.OptionalString(e.Entry, "MessageBody") ?? "", e.Entry["MessageAttributes"] as JsonObject));
            if (total > MaxBatchBytes)
            {
                throw SqsErrors.BatchRequestTooLong(MaxBatchBytes, total);
            }
            var now = context.Now;
            var successful = new JsonArray();
            var failed = new JsonArray();
            foreach (var (id, entry) in entries)
            {
                try
                {
                    var result = Send(context, queue, entry, now);
                    result["Id"] = id;
                    successful.Add((JsonNode)result);
                }
                catch (MockServiceException e)
                {
                    failed.Add((JsonNode)Failure(id, e));
                }
            }
            if (successful.Count > 0)
            {
                queue.Signal();
                Touch();
            }
            return new JsonObject { ["Successful"] = successful, ["Failed"] = failed };
        }
    }

    /// <summary>Sends one message (SendMessage, or one entry of a batch) and returns its result (under the lock).</summary>
    private static JsonObject Send(MockCallContext context, SqsQueue queue, JsonObject entry, DateTimeOffset now)
    {
        var body = SqsInput.OptionalString(entry, "MessageBody");
        if (string.IsNullOrEmpty(body))
        {
            throw SqsErrors.MissingParameter("MessageBody");
        }
        SqsMessageValidation.CheckCharacters(body);
        var attributes = SqsMessageValidation.ReadUserAttributes(entry["MessageAttributes"]);
        var system = SqsMessageValidation.ReadSystemAttributes(entry["MessageSystemAttributes"]);
        var size = Encoding.UTF8.GetByteCount(body) + attributes.Sum(a => a.Value.Size(a.Key));
        if (size > queue.MaximumMessageSize)
        {
            throw SqsErrors.InvalidParameterValue($"One or more parameters are invalid. Reason: Message must be shorter than {queue.MaximumMessageSize} bytes.");
        }
        var delay = SqsInput.OptionalInt(entry, "DelaySeconds");
        var groupId = SqsInput.OptionalString(entry, "MessageGroupId");
        var deduplicationId = SqsInput.OptionalString(entry, "MessageDeduplicationId");
        CheckFifoId("MessageGroupId", groupId);
        CheckFifoId("MessageDeduplicationId", deduplicationId);
        queue.Expire(now);

        string? sequenceNumber = null;
        string? deduplicationKey = null;
        if (queue.IsFifo)
        {
            if (delay is { } d && d != 0)
            {
                throw SqsErrors.InvalidParameterValue("DelaySeconds", d.ToString(CultureInfo.InvariantCulture), "The request include parameter that is not valid for this queue type.");
            }
            if (groupId is null)
            {
                throw SqsErrors.MissingParameter("MessageGroupId");
            }
            deduplicationId ??= queue.ContentBasedDeduplication
                ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))
                : throw SqsErrors.InvalidParameterValue("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            deduplicationKey = queue.DeduplicatePerGroup ? groupId + "\n" + deduplicationId : deduplicationId;
            if (queue.Deduplication.TryGetValue(deduplicationKey, out var earlier))
            {
                // A duplicate within five minutes is accepted, answered like the first, and not delivered again.
                return Result(earlier.MessageId, body, attributes, system, earlier.SequenceNumber);
            }
            sequenceNumber = queue.TakeSequenceNumber();
            delay = queue.DelaySeconds;
        }
        else
        {
            if (deduplicationId is not null)
            {
                throw SqsErrors.InvalidParameterValue("MessageDeduplicationId", deduplicationId, "The request include parameter that is not valid for this queue type.");
            }
            delay ??= queue.DelaySeconds;
            if (delay is < 0 or > 900)
            {
                throw SqsErrors.InvalidParameterValue("DelaySeconds", delay.Value.ToString(CultureInfo.InvariantCulture), "DelaySeconds must be >= 0 and <= 900.");
            }
        }

        var message = new SqsMessage(Guid.NewGuid().ToString(), body, attributes, system, context.Account.AccountId, now)
        {
            GroupId = groupId,
            DeduplicationId = queue.IsFifo ? deduplicationId : null,
            SequenceNumber = sequenceNumber,
            VisibleAt = now + TimeSpan.FromSeconds(delay.Value),
        };
        queue.Messages.Add(message);
        if (deduplicationKey is not null)
        {
            queue.Deduplication[deduplicationKey] = (message.MessageId, sequenceNumber!, now);
        }
        return Result(message.MessageId, body, attributes, system, sequenceNumber);
    }

    private static JsonObject Result(string messageId, string body, SortedDictionary<string, SqsAttributeValue> attributes, SortedDictionary<string, SqsAttributeValue> system, string? sequenceNumber)
    {
        var result = new JsonObject { ["MessageId"] = messageId, ["MD5OfMessageBody"] = SqsChecksums.Md5Hex(body) };
        if (SqsChecksums.AttributesMd5(attributes) is { } md5)
        {
            result["MD5OfMessageAttributes"] = md5;
        }
        if (SqsChecksums.AttributesMd5(system) is { } systemMd5)
        {
            result["MD5OfMessageSystemAttributes"] = systemMd5;
        }
        if (sequenceNumber is not null)
        {
            result["SequenceNumber"] = sequenceNumber;
        }
        return result;
    }

    /// <summary>Group and deduplication ids: 1 to 128 letters, digits and punctuation.</summary>
    private static void CheckFifoId(string parameter, string? id)
    {
        if (id is not null && (id.Length is 0 or > 128 || !id.All(c => char.IsAsciiLetterOrDigit(c) || (char.IsAscii(c) && char.IsPunctuation(c)) || (char.IsAscii(c) && char.IsSymbol(c)))))
        {
            throw SqsErrors.InvalidParameterValue(parameter, id, $"{parameter} can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }

    /// <summary>A batch entry's size as SQS counts it (body and attributes), for the batch limit; malformed attributes count as nothing here.</summary>
    private static long Size(string body, JsonObject? attributes)
    {
        long size = Encoding.UTF8.GetByteCount(body);
        if (attributes is null)
        {
            return size;
        }
        foreach (var (name, value) in attributes)
        {
            size += Encoding.UTF8.GetByteCount(name);
            if (value is JsonObject v)
            {
                size += Encoding.UTF8.GetByteCount(SqsInput.OptionalString(v, "DataType") ?? "");
                size += Stratus.Protocols.NativeValues.TryGetBytes(v["BinaryValue"], out var bytes) ? bytes.Length : 0;
                size += Encoding.UTF8.GetByteCount(SqsInput.OptionalString(v, "StringValue") ?? "");
            }
        }
        return size;
    }
}
