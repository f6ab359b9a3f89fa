using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Sqs;

// Saving and restoring every queue and message (times as UTC ticks, binary attribute values as base64).
public sealed partial class SqsService
{
    /// <inheritdoc />
    public JsonNode SaveState()
    {
        var queues = new JsonArray();
        lock (_lock)
        {
            foreach (var q in _queues.Values.OrderBy(q => q.Key.AccountId, StringComparer.Ordinal).ThenBy(q => q.Key.Region, StringComparer.Ordinal).ThenBy(q => q.Name, StringComparer.Ordinal))
            {
                queues.Add((JsonNode)SaveQueue(q));
            }
        }
        return new JsonObject { ["version"] = 1, ["queues"] = queues };
    }

    /// <inheritdoc />
    public void LoadState(JsonNode state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var queues = new Dictionary<SqsQueueKey, SqsQueue>();
        foreach (var node in state["queues"]?.AsArray() ?? [])
        {
            var queue = LoadQueue(node!.AsObject());
            queues[queue.Key] = queue;
        }
        lock (_lock)
        {
            foreach (var old in _queues.Values)
            {
                old.Signal();
            }
            _queues.Clear();
            foreach (var (key, queue) in queues)
            {
                _queues[key] = queue;
            }
            Touch();
        }
    }

    private static JsonObject SaveQueue(SqsQueue q)
    {
        var o = new JsonObject
        {
            ["account"] = q.Key.AccountId,
            ["region"] = q.Key.Region,
            ["name"] = q.Name,
            ["created"] = q.Created.UtcTicks,
            ["modified"] = q.LastModified.UtcTicks,
            ["nextSequence"] = q.NextSequence,
            ["attributes"] = StringMap(q.Attributes),
            ["tags"] = StringMap(q.Tags),
            ["messages"] = new JsonArray([.. q.Messages.Select(SaveMessage)]),
            ["deduplication"] = new JsonArray([.. q.Deduplication.Select(d => (JsonNode)new JsonObject
            {
                ["key"] = d.Key,
                ["messageId"] = d.Value.MessageId,
                ["sequenceNumber"] = d.Value.SequenceNumber,
                ["at"] = d.Value.At.UtcTicks,
            })]),
        };
        if (q.LastPurge is { } purged)
        {
            o["lastPurge"] = purged.UtcTicks;
        }
        return o;
    }

    private static SqsQueue LoadQueue(JsonObject o)
    {
        var key = new SqsQueueKey((string)o["account"]!, (string)o["region"]!, (string)o["name"]!);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in o["attributes"]!.AsObject())
        {
            attributes[k] = (string)v!;
        }
        var queue = new SqsQueue(key, Time(o["created"])!.Value, attributes)
        {
            LastModified = Time(o["modified"])!.Value,
            LastPurge = Time(o["lastPurge"]),
            NextSequence = (long)o["nextSequence"]!,
        };
        foreach (var (k, v) in o["tags"]!.AsObject())
        {
            queue.Tags[k] = (string)v!;
        }
        foreach (var m in o["messages"]!.AsArray())
        {
            queue.Messages.Add(LoadMessage(m!.AsObject()));
        }
        foreach (var d in o["deduplication"]!.AsArray())
        {
            queue.Deduplication[(string)d!["key"]!] = ((string)d["messageId"]!, (string)d["sequenceNumber"]!, Time(d["at"])!.Value);
        }
        return queue;
    }

    private static JsonObject SaveMessage(SqsMessage m)
    {
        var o = new JsonObject
        {
            ["id"] = m.MessageId,
            ["body"] = m.Body,
            ["attributes"] = SaveAttributes(m.Attributes),
            ["systemAttributes"] = SaveAttributes(m.SystemAttributes),
            ["sender"] = m.SenderId,
            ["sent"] = m.Sent.UtcTicks,
            ["visibleAt"] = m.VisibleAt.UtcTicks,
            ["receiveCount"] = m.ReceiveCount,
        };
        void Optional(string name, JsonNode? value)
        {
            if (value is not null)
            {
                o[name] = value;
            }
        }
        Optional("firstReceived", m.FirstReceived?.UtcTicks);
        Optional("lastReceived", m.LastReceived?.UtcTicks);
        Optional("receiptNonce", m.ReceiptNonce);
        Optional("groupId", m.GroupId);
        Optional("deduplicationId", m.DeduplicationId);
        Optional("sequenceNumber", m.SequenceNumber);
        Optional("deadLetterSourceArn", m.DeadLetterSourceArn);
        return o;
    }

    private static SqsMessage LoadMessage(JsonObject o) =>
        new((string)o["id"]!, (string)o["body"]!, LoadAttributes(o["attributes"]), LoadAttributes(o["systemAttributes"]), (string)o["sender"]!, Time(o["sent"])!.Value)
        {
            VisibleAt = Time(o["visibleAt"])!.Value,
            ReceiveCount = (int)o["receiveCount"]!,
            FirstReceived = Time(o["firstReceived"]),
            LastReceived = Time(o["lastReceived"]),
            ReceiptNonce = (string?)o["receiptNonce"],
            GroupId = (string?)o["groupId"],
            DeduplicationId = (string?)o["deduplicationId"],
            SequenceNumber = (string?)o["sequenceNumber"],
            DeadLetterSourceArn = (string?)o["deadLetterSourceArn"],
        };

    private static JsonObject SaveAttributes(SortedDictionary<string, SqsAttributeValue> attributes)
    {
        var o = new JsonObject();
        foreach (var (name, value) in attributes)
        {
            var v = new JsonObject { ["dataType"] = value.DataType };
            if (value.BinaryValue is not null)
            {
                v["binaryValue"] = Convert.ToBase64String(value.BinaryValue);
            }
            else
            {
                v["stringValue"] = value.StringValue;
            }
            o[name] = v;
        }
        return o;
    }

    private static SortedDictionary<string, SqsAttributeValue> LoadAttributes(JsonNode? node)
    {
        var result = new SortedDictionary<string, SqsAttributeValue>(StringComparer.Ordinal);
        foreach (var (name, v) in node?.AsObject() ?? [])
        {
            var binary = (string?)v!["binaryValue"];
            result[name] = new SqsAttributeValue((string)v["dataType"]!, (string?)v["stringValue"], binary is null ? null : Convert.FromBase64String(binary));
        }
        return result;
    }

    private static JsonObject StringMap(IEnumerable<KeyValuePair<string, string>> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            o[k] = v;
        }
        return o;
    }

    private static DateTimeOffset? Time(JsonNode? ticks) => ticks is null ? null : new DateTimeOffset((long)ticks, TimeSpan.Zero);
}
