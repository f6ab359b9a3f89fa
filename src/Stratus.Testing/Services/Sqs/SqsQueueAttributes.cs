using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Sqs;

/// <summary>Queue attributes: checking and normalizing what callers set, and reading what GetQueueAttributes returns.</summary>
internal static class SqsQueueAttributes
{
    /// <summary>Attributes that an empty value removes.</summary>
    private static readonly HashSet<string> Removable = new(StringComparer.Ordinal) { "Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId" };

    private static readonly Dictionary<string, (int Min, int Max)> Ranges = new(StringComparer.Ordinal)
    {
        ["DelaySeconds"] = (0, 900),
        ["MaximumMessageSize"] = (1024, 1_048_576),
        ["MessageRetentionPeriod"] = (60, 1_209_600),
        ["ReceiveMessageWaitTimeSeconds"] = (0, 20),
        ["VisibilityTimeout"] = (0, 43_200),
        ["KmsDataKeyReusePeriodSeconds"] = (60, 86_400),
    };

    private static readonly HashSet<string> FifoOnly = new(StringComparer.Ordinal) { "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit" };

    /// <summary>Every attribute GetQueueAttributes knows (the model's QueueAttributeName, less All).</summary>
    private static readonly string[] Readable =
    [
        "Policy", "VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod", "ApproximateNumberOfMessages",
        "ApproximateNumberOfMessagesNotVisible", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn",
        "ApproximateNumberOfMessagesDelayed", "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "FifoQueue",
        "ContentBasedDeduplication", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "DeduplicationScope", "FifoThroughputLimit",
        "RedriveAllowPolicy", "SqsManagedSseEnabled",
    ];

    /// <summary>A new queue's attributes: the defaults, overridden by the given (normalized) ones.</summary>
    public static Dictionary<string, string> ForNewQueue(Dictionary<string, string> given, bool fifo)
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VisibilityTimeout"] = "30",
            ["DelaySeconds"] = "0",
            ["MaximumMessageSize"] = "262144",
            ["MessageRetentionPeriod"] = "345600",
            ["ReceiveMessageWaitTimeSeconds"] = "0",
            ["SqsManagedSseEnabled"] = given.ContainsKey("KmsMasterKeyId") ? "false" : "true",
        };
        if (given.ContainsKey("KmsMasterKeyId"))
        {
            a["KmsDataKeyReusePeriodSeconds"] = "300";
        }
        if (fifo)
        {
            a["FifoQueue"] = "true";
            a["ContentBasedDeduplication"] = "false";
            a["DeduplicationScope"] = "queue";
            a["FifoThroughputLimit"] = "perQueue";
        }
        Apply(a, given);
        return a;
    }

    /// <summary>Sets normalized attributes on a queue's attributes (an empty value removes a removable one).</summary>
    public static void Apply(Dictionary<string, string> attributes, Dictionary<string, string> normalized)
    {
        foreach (var (name, value) in normalized)
        {
            if (value.Length == 0 && Removable.Contains(name))
            {
                attributes.Remove(name);
            }
            else if (name != "FifoQueue" || value == "true")
            {
                attributes[name] = value;
            }
        }
    }

    /// <summary>The value a queue has for an attribute, as CreateQueue compares it.</summary>
    public static string Current(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var v) ? v : name == "FifoQueue" ? "false" : "";

    /// <summary>Checks attributes given to CreateQueue or SetQueueAttributes and returns them in canonical text.</summary>
    public static Dictionary<string, string> Normalize(Dictionary<string, string> given, bool fifo, bool creating)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            if ((FifoOnly.Contains(name) && !fifo) || (name == "FifoQueue" && !creating))
            {
                throw SqsErrors.InvalidAttributeName(name);
            }
            result[name] = name switch
            {
                _ when Ranges.TryGetValue(name, out var range) => Integer(name, value, range.Min, range.Max),
                "SqsManagedSseEnabled" or "ContentBasedDeduplication" or "FifoQueue" => Boolean(name, value),
                "DeduplicationScope" => OneOf(name, value, "messageGroup", "queue"),
                "FifoThroughputLimit" => OneOf(name, value, "perQueue", "perMessageGroupId"),
                "Policy" or "RedriveAllowPolicy" => JsonText(name, value),
                "RedrivePolicy" => Redrive(value),
                "KmsMasterKeyId" => value,
                _ => throw SqsErrors.InvalidAttributeName(name),
            };
        }
        return result;
    }

    /// <summary>The attributes GetQueueAttributes returns for the requested names (<c>All</c> for every one).</summary>
    public static JsonObject Read(SqsQueue queue, List<string> names, DateTimeOffset now)
    {
        foreach (var n in names)
        {
            if (n != "All" && !Readable.Contains(n, StringComparer.Ordinal))
            {
                throw SqsErrors.InvalidAttributeName(n);
            }
        }
        var wanted = names.Contains("All") ? Readable : names.Distinct(StringComparer.Ordinal).ToArray();
        var result = new JsonObject();
        foreach (var name in wanted)
        {
            var value = name switch
            {
                "ApproximateNumberOfMessages" => Count(queue, m => m.VisibleAt <= now),
                "ApproximateNumberOfMessagesNotVisible" => Count(queue, m => m.IsInFlight(now)),
                "ApproximateNumberOfMessagesDelayed" => Count(queue, m => m.IsDelayed(now)),
                "CreatedTimestamp" => queue.Created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                "LastModifiedTimestamp" => queue.LastModified.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                "QueueArn" => queue.Arn,
                _ => queue.Attributes.GetValueOrDefault(name),
            };
            if (value is not null)
            {
                result[name] = value;
            }
        }
        return result;
    }

    private static string Count(SqsQueue queue, Func<SqsMessage, bool> predicate) =>
        queue.Messages.Count(predicate).ToString(CultureInfo.InvariantCulture);

    private static string Integer(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v.ToString(CultureInfo.InvariantCulture)
            : throw SqsErrors.InvalidAttributeValue(name, $"Must be an integer from {min} to {max}.");

    private static string Boolean(string name, string value) =>
        bool.TryParse(value, out var b) ? (b ? "true" : "false") : throw SqsErrors.InvalidAttributeValue(name);

    private static string OneOf(string name, string value, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal) ? value : throw SqsErrors.InvalidAttributeValue(name);

    private static string JsonText(string name, string value)
    {
        if (value.Length == 0)
        {
            return value;
        }
        try
        {
            return JsonNode.Parse(value) is JsonObject ? value : throw SqsErrors.InvalidAttributeValue(name);
        }
        catch (JsonException)
        {
            throw SqsErrors.InvalidAttributeValue(name);
        }
    }

    private static string Redrive(string value) =>
        value.Length == 0 ? value
        : SqsRedrivePolicy.TryParse(value, out var policy) && SqsAddresses.TryParseArn(policy.DeadLetterTargetArn, out _) ? policy.ToJson()
        : throw SqsErrors.InvalidParameterValue("RedrivePolicy", value, "Redrive policy is not a valid JSON map with deadLetterTargetArn and maxReceiveCount (1 to 1000).");
}
