using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Stratus.Client;

/// <summary>
/// JMESPath, as paginator and waiter definitions use it: fields (plain and quoted), sub-expressions, indexes
/// and slices, <c>[*]</c> and <c>*</c> projections, <c>[]</c> flattening, <c>[?...]</c> filters, pipes,
/// <c>||</c>, <c>&amp;&amp;</c>, <c>!</c>, comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>), literals (<c>`0`</c>,
/// <c>'text'</c>), <c>@</c>, multi-select lists and hashes, and the functions length, contains, starts_with,
/// ends_with, not_null, type, to_string, to_number, to_array, keys, values, reverse, abs, ceil, floor, sum, avg,
/// max, min and join. Not covered: expression references (<c>&amp;expr</c>) and the functions taking them
/// (sort_by, max_by, min_by, map). Compiled expressions are cached; no reflection, so it is AOT-safe.
/// </summary>
public static class PathExpression
{
    private static readonly ConcurrentDictionary<string, Func<object?, object?>> Compiled = new(StringComparer.Ordinal);

    /// <summary>
    /// Evaluates a paginator expression: like <see cref="Search"/>, except that an empty list or empty string
    /// counts as absent (null), as tokens and result keys need.
    /// </summary>
    /// <exception cref="FormatException">The expression is not valid JMESPath.</exception>
    public static JsonNode? Evaluate(JsonNode? root, string expression)
    {
        var value = Search(root, expression);
        return value is JsonArray { Count: 0 } || (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0) ? null : value;
    }

    /// <summary>
    /// Evaluates a JMESPath expression against <paramref name="root"/>; null for JSON null or a missing value.
    /// A result that is part of <paramref name="root"/> is returned as it is, not copied.
    /// </summary>
    /// <exception cref="FormatException">The expression is not valid JMESPath.</exception>
    public static JsonNode? Search(JsonNode? root, string expression) => PathValue.ToNode(Compile(expression)(PathValue.Normalize(root)));

    /// <summary>Whether <paramref name="value"/> is true in JMESPath's sense: not null, false, or an empty string, list or object.</summary>
    public static bool IsTruthy(JsonNode? value) => PathValue.IsTruthy(PathValue.Normalize(value));

    /// <summary>Compiles (once per distinct expression) to a function over path values.</summary>
    internal static Func<object?, object?> Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Compiled.GetOrAdd(expression, PathParser.Parse);
    }
}
