using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Client;

/// <summary>An operation's pagination, from <c>paginators-1.json</c>: which tokens carry a page over and where the items are.</summary>
public sealed class Paginator
{
    private Paginator(string operation, string[] inputTokens, string[] outputTokens, string? moreResults, string? limitKey, string[] resultKeys, string[] nonAggregateKeys)
    {
        Operation = operation;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        MoreResults = moreResults;
        LimitKey = limitKey;
        ResultKeys = resultKeys;
        NonAggregateKeys = nonAggregateKeys;
    }

    /// <summary>The operation's model name.</summary>
    public string Operation { get; }
    /// <summary>The input members that carry the continuation token(s).</summary>
    public IReadOnlyList<string> InputTokens { get; }
    /// <summary>The expressions that read the next token(s) from a page.</summary>
    public IReadOnlyList<string> OutputTokens { get; }
    /// <summary>An expression that says whether more pages follow, if modeled.</summary>
    public string? MoreResults { get; }
    /// <summary>The input member that sets the page size, if any.</summary>
    public string? LimitKey { get; }
    /// <summary>The expressions that select each page's items.</summary>
    public IReadOnlyList<string> ResultKeys { get; }
    /// <summary>Keys that are not aggregated across pages.</summary>
    public IReadOnlyList<string> NonAggregateKeys { get; }

    /// <summary>Reads the paginator of <paramref name="operation"/> from a <c>paginators-1.json</c> document, or null.</summary>
    public static Paginator? From(JsonElement? document, string operation)
    {
        if (document is not { ValueKind: JsonValueKind.Object } doc || !doc.TryGetProperty("pagination", out var all)
            || !all.TryGetProperty(operation, out var p) || p.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        return new Paginator(
            operation,
            StringOrList(p, "input_token"),
            StringOrList(p, "output_token"),
            p.TryGetProperty("more_results", out var more) ? more.GetString() : null,
            p.TryGetProperty("limit_key", out var limit) ? limit.GetString() : null,
            StringOrList(p, "result_key"),
            StringOrList(p, "non_aggregate_keys"));
    }

    /// <summary>
    /// Computes the input for the page after <paramref name="page"/>, or null when it was the last one
    /// (no token, or the same token again, which would loop forever).
    /// </summary>
    public JsonObject? NextInput(JsonObject input, JsonObject page)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(page);
        if (MoreResults is not null && !IsTrue(PathExpression.Evaluate(page, MoreResults)))
        {
            return null;
        }
        var next = (JsonObject)input.DeepClone();
        var any = false;
        var changed = false;
        for (var i = 0; i < InputTokens.Count; i++)
        {
            var token = i < OutputTokens.Count ? PathExpression.Evaluate(page, OutputTokens[i]) : null;
            // An empty token ends the listing too (Azure's last page has an empty <NextMarker/>).
            if (token is null || (token is JsonValue text && text.TryGetValue<string>(out var s) && s.Length == 0))
            {
                next.Remove(InputTokens[i]);
                continue;
            }
            any = true;
            if (!JsonNode.DeepEquals(token, input[InputTokens[i]]))
            {
                changed = true;
            }
            next[InputTokens[i]] = token.DeepClone();
        }
        return any && changed ? next : null;
    }

    /// <summary>The items of one page, across all result keys.</summary>
    public IEnumerable<JsonNode?> Items(JsonObject page)
    {
        foreach (var key in ResultKeys)
        {
            if (PathExpression.Evaluate(page, key) is JsonArray items)
            {
                foreach (var item in items)
                {
                    yield return item;
                }
            }
        }
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string[] StringOrList(JsonElement e, string key)
    {
        if (!e.TryGetProperty(key, out var v))
        {
            return [];
        }
        return v.ValueKind switch
        {
            JsonValueKind.String => [v.GetString()!],
            JsonValueKind.Array => v.EnumerateArray().Select(x => x.GetString()!).ToArray(),
            _ => [],
        };
    }
}
