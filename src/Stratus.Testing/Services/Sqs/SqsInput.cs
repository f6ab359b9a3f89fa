using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.Sqs;

/// <summary>Reads members of an SQS operation's input, answering with SQS's errors for missing or malformed ones.</summary>
internal static class SqsInput
{
    public static string RequiredString(JsonObject input, string name) =>
        OptionalString(input, name) is { Length: > 0 } s ? s : throw SqsErrors.MissingParameter(name);

    public static string? OptionalString(JsonObject input, string name)
    {
        var node = input[name];
        if (node is null)
        {
            return null;
        }
        if (NativeValues.TryGetString(node, out var s))
        {
            return s;
        }
        return node is JsonValue ? node.ToJsonString().Trim('"') : throw SqsErrors.InvalidParameterValue(name, node.ToJsonString(), "Must be a string.");
    }

    public static int? OptionalInt(JsonObject input, string name)
    {
        var node = input[name];
        if (node is null)
        {
            return null;
        }
        return NativeValues.TryGetInt64(node, out var v) && v is >= int.MinValue and <= int.MaxValue
            ? (int)v
            : throw SqsErrors.InvalidParameterValue(name, node.ToJsonString(), "Must be an integer.");
    }

    /// <summary>An integer in a range, or the default when absent.</summary>
    public static int IntInRange(JsonObject input, string name, int min, int max, int fallback, string? reason = null)
    {
        var v = OptionalInt(input, name) ?? fallback;
        return v >= min && v <= max
            ? v
            : throw SqsErrors.InvalidParameterValue(name, v.ToString(CultureInfo.InvariantCulture), reason ?? $"Must be between {min} and {max}, if provided.");
    }

    /// <summary>A map of strings (queue attributes, tags); empty when absent.</summary>
    public static Dictionary<string, string> StringMap(JsonObject input, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (input[name])
        {
            case null:
                return map;
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    map[k] = v is null ? "" : NativeValues.TryGetString(v, out var s) ? s : v.ToJsonString();
                }
                return map;
            default:
                throw SqsErrors.InvalidParameterValue($"The parameter {name} must be a map.");
        }
    }

    /// <summary>A list of strings; empty when absent.</summary>
    public static List<string> StringList(JsonObject input, string name)
    {
        var list = new List<string>();
        switch (input[name])
        {
            case null:
                return list;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (NativeValues.TryGetString(item, out var s))
                    {
                        list.Add(s);
                    }
                }
                return list;
            default:
                throw SqsErrors.InvalidParameterValue($"The parameter {name} must be a list.");
        }
    }

    /// <summary>The entries of a batch request, checked as SQS checks them: 1 to 10, distinct well-formed ids.</summary>
    public static List<(string Id, JsonObject Entry)> BatchEntries(JsonObject input, string entryShape)
    {
        var entries = input["Entries"] as JsonArray;
        if (entries is null || entries.Count == 0)
        {
            throw SqsErrors.EmptyBatchRequest(entryShape);
        }
        if (entries.Count > 10)
        {
            throw SqsErrors.TooManyEntriesInBatchRequest(entries.Count);
        }
        var result = new List<(string, JsonObject)>(entries.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in entries)
        {
            if (node is not JsonObject entry)
            {
                throw SqsErrors.InvalidParameterValue("Each entry of Entries must be a structure.");
            }
            var id = OptionalString(entry, "Id");
            if (id is null)
            {
                throw SqsErrors.MissingParameter("Id");
            }
            if (id.Length is 0 or > 80 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw SqsErrors.InvalidBatchEntryId();
            }
            if (!ids.Add(id))
            {
                throw SqsErrors.BatchEntryIdsNotDistinct(id);
            }
            result.Add((id, entry));
        }
        return result;
    }
}
