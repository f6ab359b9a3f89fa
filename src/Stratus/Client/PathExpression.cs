using System.Globalization;
using System.Text.Json.Nodes;

namespace Stratus.Client;

/// <summary>
/// The small subset of JMESPath that paginator and waiter definitions use for tokens and result keys:
/// dotted fields, indexes (negative too), <c>[]</c> flattening, <c>[*]</c>, and <c>a || b</c>.
/// </summary>
public static class PathExpression
{
    /// <summary>Evaluates <paramref name="expression"/> against <paramref name="root"/>; null when any step is missing.</summary>
    public static JsonNode? Evaluate(JsonNode? root, string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        foreach (var alternative in expression.Split("||", StringSplitOptions.TrimEntries))
        {
            var value = EvaluateOne(root, alternative);
            if (value is not null && !(value is JsonArray { Count: 0 }) && !(value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0))
            {
                return value;
            }
        }
        return null;
    }

    private static JsonNode? EvaluateOne(JsonNode? node, string expression)
    {
        var projected = false;
        JsonArray? projection = null;
        foreach (var rawStep in Steps(expression))
        {
            if (projected)
            {
                var next = new JsonArray();
                foreach (var item in projection!)
                {
                    var v = Step(item, rawStep, out var flattenInner);
                    if (v is JsonArray inner && flattenInner)
                    {
                        foreach (var i in inner)
                        {
                            next.Add(i?.DeepClone());
                        }
                    }
                    else if (v is not null)
                    {
                        next.Add(v.DeepClone());
                    }
                }
                projection = next;
                continue;
            }
            node = Step(node, rawStep, out var flatten);
            if (flatten && node is JsonArray arr)
            {
                projected = true;
                projection = arr;
            }
            if (node is null)
            {
                return null;
            }
        }
        return projected ? projection : node;
    }

    private static IEnumerable<string> Steps(string expression)
    {
        var start = 0;
        for (var i = 0; i < expression.Length; i++)
        {
            if (expression[i] == '.')
            {
                yield return expression[start..i];
                start = i + 1;
            }
            else if (expression[i] == '[' && i > start)
            {
                yield return expression[start..i];
                start = i;
            }
            else if (expression[i] == ']' && i + 1 < expression.Length && expression[i + 1] == '[')
            {
                yield return expression[start..(i + 1)];
                start = i + 1;
            }
        }
        if (start < expression.Length)
        {
            yield return expression[start..];
        }
    }

    private static JsonNode? Step(JsonNode? node, string step, out bool flatten)
    {
        flatten = false;
        if (step.StartsWith('['))
        {
            var inside = step[1..^1];
            if (inside.Length == 0 || inside == "*")
            {
                flatten = true;
                if (node is not JsonArray a)
                {
                    return null;
                }
                if (inside.Length == 0)
                {
                    var flat = new JsonArray();
                    foreach (var item in a)
                    {
                        if (item is JsonArray inner)
                        {
                            foreach (var i in inner)
                            {
                                flat.Add(i?.DeepClone());
                            }
                        }
                        else
                        {
                            flat.Add(item?.DeepClone());
                        }
                    }
                    return flat;
                }
                return a;
            }
            if (node is JsonArray list && int.TryParse(inside, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            {
                if (index < 0)
                {
                    index += list.Count;
                }
                return index >= 0 && index < list.Count ? list[index] : null;
            }
            return null;
        }
        return node is JsonObject o ? o[step] : null;
    }
}
