using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Cli.Paging;

/// <summary>
/// Calls a paging operation page after page and builds one result, as the AWS CLI does (botocore's
/// <c>build_full_result</c>): the result keys' lists are joined across pages (numbers added, text joined), the
/// paginator's non-aggregate keys come from the first page (null when absent), and everything else of the pages
/// is dropped. <c>--max-items</c> stops after that many items of the first result key and adds a
/// <c>NextToken</c> to resume from with <c>--starting-token</c>; <c>--page-size</c> sets the page limit member.
/// </summary>
internal sealed class PagedCall(ServiceClient client, string operation, Paginator paginator)
{
    /// <summary>Runs the pages and returns the merged result (never with <c>ResponseMetadata</c>).</summary>
    /// <exception cref="FormatException">The starting token is not valid.</exception>
    public async Task<JsonObject> RunAsync(JsonObject input, PagingOptions options, Action<JsonObject>? onPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var current = (JsonObject)input.DeepClone();
        var tokens = paginator.InputTokens.ToDictionary(t => t, _ => (JsonNode?)null, StringComparer.Ordinal);
        var startingTruncation = 0;
        if (options.StartingToken is { } starting)
        {
            (tokens, startingTruncation) = StartingToken.Decode(starting);
            Inject(current, tokens);
        }
        if (options.PageSize is { } size && paginator.LimitKey is { } limit)
        {
            current[limit] = size;
        }
        var primary = paginator.ResultKeys.Count > 0 ? paginator.ResultKeys[0] : null;
        var complete = new JsonObject();
        var nonAggregate = new JsonObject();
        string? resume = null;
        var total = 0;
        var first = true;
        Dictionary<string, JsonNode?>? previous = null;
        while (true)
        {
            var page = await client.CallAsync(operation, (JsonObject)current.DeepClone(), cancellationToken).ConfigureAwait(false);
            if (first)
            {
                if (options.StartingToken is not null && primary is not null)
                {
                    SkipAlreadyShown(page, primary, startingTruncation);
                }
                foreach (var key in paginator.NonAggregateKeys)
                {
                    ResultPath.Set(nonAggregate, key, ResultPath.Get(page, key)?.DeepClone());
                }
                first = false;
            }
            else
            {
                startingTruncation = 0;
            }
            var count = primary is not null && ResultPath.Get(page, primary) is JsonArray items ? items.Count : 0;
            var excess = options.MaxItems is { } max ? total + count - max : 0;
            if (excess > 0)
            {
                var keep = count - excess;
                var kept = new JsonArray(((JsonArray)ResultPath.Get(page, primary!)!).Take(keep).Select(n => n?.DeepClone()).ToArray());
                ResultPath.Set(page, primary!, kept);
                Merge(complete, page);
                onPage?.Invoke(page);
                resume = StartingToken.Encode(tokens, keep + startingTruncation);
                break;
            }
            Merge(complete, page);
            onPage?.Invoke(page);
            total += count;
            var next = NextTokens(page);
            if (next.Values.All(v => v is null))
            {
                break;
            }
            if (options.MaxItems is { } limitItems && total == limitItems)
            {
                resume = StartingToken.Encode(next, null);
                break;
            }
            if (previous is not null && SameTokens(previous, next))
            {
                throw new ClientException(ClientErrorKind.UnreadableResponse, $"The same next token was received twice: {string.Join(", ", next.Select(p => $"{p.Key}={p.Value?.ToJsonString()}"))}")
                {
                    Operation = operation,
                };
            }
            Inject(current, next);
            tokens = next;
            previous = next;
        }
        foreach (var (key, value) in nonAggregate)
        {
            MergeInto(complete, key, value?.DeepClone());
        }
        if (resume is not null)
        {
            complete["NextToken"] = resume;
        }
        return complete;
    }

    /// <summary>
    /// What <c>--output text</c> shows of one page, as the AWS CLI does: the result keys (null when absent), and on
    /// the first page the non-aggregate keys too.
    /// </summary>
    public JsonObject PageForText(JsonObject page, bool first)
    {
        ArgumentNullException.ThrowIfNull(page);
        var current = new JsonObject();
        if (first)
        {
            foreach (var key in paginator.NonAggregateKeys)
            {
                ResultPath.Set(current, key, ResultPath.Get(page, key)?.DeepClone());
            }
        }
        foreach (var key in paginator.ResultKeys)
        {
            ResultPath.Set(current, key, ResultPath.Get(page, key)?.DeepClone());
        }
        return current;
    }

    private Dictionary<string, JsonNode?> NextTokens(JsonObject page)
    {
        var next = paginator.InputTokens.ToDictionary(t => t, _ => (JsonNode?)null, StringComparer.Ordinal);
        if (paginator.MoreResults is { } more && !(PathExpression.Evaluate(page, more) is JsonValue v && v.TryGetValue<bool>(out var b) && b))
        {
            return next;
        }
        for (var i = 0; i < paginator.InputTokens.Count && i < paginator.OutputTokens.Count; i++)
        {
            next[paginator.InputTokens[i]] = PathExpression.Evaluate(page, paginator.OutputTokens[i])?.DeepClone();
        }
        return next;
    }

    private static void Inject(JsonObject input, IReadOnlyDictionary<string, JsonNode?> tokens)
    {
        foreach (var (key, value) in tokens)
        {
            if (value is null)
            {
                input.Remove(key);
            }
            else
            {
                input[key] = value.DeepClone();
            }
        }
    }

    private static bool SameTokens(Dictionary<string, JsonNode?> a, Dictionary<string, JsonNode?> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && JsonNode.DeepEquals(p.Value, other));

    /// <summary>The first page after a starting token: drop the items shown already, and the other result keys' values.</summary>
    private void SkipAlreadyShown(JsonObject page, string primary, int skip)
    {
        var all = ResultPath.Get(page, primary);
        JsonNode? rest = all switch
        {
            JsonArray a => new JsonArray(a.Skip(skip).Select(n => n?.DeepClone()).ToArray()),
            JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(s[Math.Min(skip, s.Length)..]),
            _ => null,
        };
        ResultPath.Set(page, primary, rest);
        foreach (var key in paginator.ResultKeys.Skip(1))
        {
            JsonNode? empty = ResultPath.Get(page, key) switch
            {
                JsonArray => new JsonArray(),
                JsonValue v when v.TryGetValue<string>(out _) => JsonValue.Create(""),
                JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(0),
                _ => null,
            };
            ResultPath.Set(page, key, empty);
        }
    }

    private void Merge(JsonObject complete, JsonObject page)
    {
        foreach (var key in paginator.ResultKeys)
        {
            var value = ResultPath.Get(page, key);
            if (value is null)
            {
                continue;
            }
            var existing = ResultPath.Get(complete, key);
            if (existing is null)
            {
                ResultPath.Set(complete, key, value.DeepClone());
            }
            else if (value is JsonArray items && existing is JsonArray sofar)
            {
                foreach (var item in items)
                {
                    sofar.Add(item?.DeepClone());
                }
            }
            else if (value is JsonValue v && existing is JsonValue e)
            {
                if (v.TryGetValue<string>(out var s) && e.TryGetValue<string>(out var es))
                {
                    ResultPath.Set(complete, key, es + s);
                }
                else if (Protocols.NativeValues.TryGetDouble(v, out var d) && Protocols.NativeValues.TryGetDouble(e, out var ed))
                {
                    ResultPath.Set(complete, key, Protocols.NativeValues.TryGetInt64(v, out var l) && Protocols.NativeValues.TryGetInt64(e, out var el) ? JsonValue.Create(l + el) : JsonValue.Create(d + ed));
                }
            }
        }
    }

    /// <summary>botocore's <c>merge_dicts</c>: objects merge key by key, anything else replaces.</summary>
    private static void MergeInto(JsonObject target, string key, JsonNode? value)
    {
        if (value is JsonObject source && target[key] is JsonObject existing)
        {
            foreach (var (k, v) in source.ToList())
            {
                MergeInto(existing, k, v?.DeepClone());
            }
            return;
        }
        target[key] = value;
    }
}
