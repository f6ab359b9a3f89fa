using System.Globalization;

namespace Stratus.Client;

/// <summary>
/// The JMESPath built-in functions that take no expression reference. An argument of the wrong type gives
/// null rather than an error, so a waiter's acceptor simply does not match.
/// </summary>
internal static class PathFunctions
{
    public static Func<object?[], object?>? Get(string name, int arity) => (name, arity) switch
    {
        ("length", 1) => a => PathValue.Kind(a[0]) switch
        {
            PathKind.String => (double)PathValue.AsString(a[0])!.EnumerateRunes().Count(),
            PathKind.Array => (double)PathValue.AsList(a[0])!.Count,
            PathKind.Object => (double)PathValue.AsObject(a[0])!.Count(),
            _ => null,
        },
        ("contains", 2) => a => PathValue.Kind(a[0]) switch
        {
            PathKind.String => PathValue.AsString(a[1]) is { } s && PathValue.AsString(a[0])!.Contains(s, StringComparison.Ordinal),
            PathKind.Array => PathValue.AsList(a[0])!.Any(item => PathValue.Equal(item, a[1])),
            _ => null,
        },
        ("starts_with", 2) => a => Strings(a, (s, t) => s.StartsWith(t, StringComparison.Ordinal)),
        ("ends_with", 2) => a => Strings(a, (s, t) => s.EndsWith(t, StringComparison.Ordinal)),
        ("not_null", >= 1) => a => a.FirstOrDefault(v => v is not null),
        ("type", 1) => a => PathValue.Kind(a[0]).ToString().ToLowerInvariant(),
        ("to_string", 1) => a => PathValue.ToText(a[0]),
        ("to_number", 1) => a => PathValue.Kind(a[0]) switch
        {
            PathKind.Number => PathValue.AsNumber(a[0]),
            PathKind.String => double.TryParse(PathValue.AsString(a[0]), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ => null,
        },
        ("to_array", 1) => a => PathValue.Kind(a[0]) == PathKind.Array ? a[0] : new List<object?> { a[0] },
        ("keys", 1) => a => PathValue.AsObject(a[0])?.Select(p => (object?)p.Key).ToList(),
        ("values", 1) => a => PathValue.AsObject(a[0])?.Select(p => p.Value).ToList(),
        ("reverse", 1) => a => PathValue.Kind(a[0]) switch
        {
            PathKind.String => new string(PathValue.AsString(a[0])!.Reverse().ToArray()),
            PathKind.Array => Enumerable.Reverse(PathValue.AsList(a[0])!).ToList(),
            _ => null,
        },
        ("abs", 1) => a => Number(a[0], Math.Abs),
        ("ceil", 1) => a => Number(a[0], Math.Ceiling),
        ("floor", 1) => a => Number(a[0], Math.Floor),
        ("sum", 1) => a => Numbers(a[0]) is { } n ? n.Sum() : null,
        ("avg", 1) => a => Numbers(a[0]) is { Count: > 0 } n ? n.Average() : null,
        ("max", 1) => a => Extreme(a[0], max: true),
        ("min", 1) => a => Extreme(a[0], max: false),
        ("join", 2) => a => PathValue.AsString(a[0]) is { } glue && PathValue.AsList(a[1]) is { } parts && parts.All(p => PathValue.Kind(p) == PathKind.String)
            ? string.Join(glue, parts.Select(PathValue.AsString))
            : null,
        _ => null,
    };

    private static bool? Strings(object?[] a, Func<string, string, bool> test) =>
        PathValue.AsString(a[0]) is { } s && PathValue.AsString(a[1]) is { } t ? test(s, t) : null;

    private static double? Number(object? value, Func<double, double> f) =>
        PathValue.Kind(value) == PathKind.Number ? f(PathValue.AsNumber(value)) : null;

    private static List<double>? Numbers(object? value) =>
        PathValue.AsList(value) is { } list && list.All(v => PathValue.Kind(v) == PathKind.Number) ? list.Select(PathValue.AsNumber).ToList() : null;

    private static object? Extreme(object? value, bool max)
    {
        if (PathValue.AsList(value) is not { Count: > 0 } list)
        {
            return null;
        }
        if (Numbers(value) is { } numbers)
        {
            return max ? numbers.Max() : numbers.Min();
        }
        if (list.All(v => PathValue.Kind(v) == PathKind.String))
        {
            var strings = list.Select(v => PathValue.AsString(v)!).Order(StringComparer.Ordinal);
            return max ? strings.Last() : strings.First();
        }
        return null;
    }
}
