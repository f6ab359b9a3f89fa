using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Client;

/// <summary>
/// Checks native data (System.Text.Json.Nodes, as callers pass it) against any structure of a model:
/// unknown members, missing required members, wrong types and, optionally, the modeled length, range,
/// enum and pattern constraints. Checks operation input (<see cref="InputValidator"/>) and canned
/// outputs (the Stratus.Testing stubber) alike.
/// </summary>
public static class ShapeValidator
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    /// <summary>Returns every problem found in a structure, as "member path: problem".</summary>
    /// <param name="shape">A structure shape (an operation's input or output, an error).</param>
    /// <param name="value">The data.</param>
    /// <param name="constraints">Whether to check length, range, enum and pattern constraints too, not only names and types.</param>
    public static List<string> Check(Shape shape, JsonObject value, bool constraints = true)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(value);
        var problems = new List<string>();
        CheckStructure(shape, value, "", new Context(problems, constraints));
        return problems;
    }

    // What a walk collects into, and whether it checks constraints.
    private sealed record Context(List<string> Problems, bool Constraints);

    private static void CheckValue(Shape shape, JsonNode? value, string path, Context context)
    {
        if (value is null)
        {
            return;
        }
        switch (shape.Type)
        {
            case ShapeType.Structure:
                if (value is JsonObject o)
                {
                    CheckStructure(shape, o, path, context);
                }
                else
                {
                    context.Problems.Add($"{path}: expected an object, got {Describe(value)}");
                }
                break;
            case ShapeType.List:
                if (value is JsonArray a)
                {
                    CheckCount(shape, a.Count, path, context);
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (a[i] is null)
                        {
                            context.Problems.Add($"{path}[{i}]: null is not allowed in a list");
                            continue;
                        }
                        CheckValue(shape.Member, a[i], $"{path}[{i}]", context);
                    }
                }
                else
                {
                    context.Problems.Add($"{path}: expected a list, got {Describe(value)}");
                }
                break;
            case ShapeType.Map:
                if (value is JsonObject m)
                {
                    CheckCount(shape, m.Count, path, context);
                    foreach (var (k, v) in m)
                    {
                        CheckValue(shape.Key, JsonValue.Create(k), $"{path}.{k} (key)", context);
                        CheckValue(shape.Value, v, $"{path}.{k}", context);
                    }
                }
                else
                {
                    context.Problems.Add($"{path}: expected a map (object), got {Describe(value)}");
                }
                break;
            case ShapeType.String:
                if (!NativeValues.TryGetString(value, out var s))
                {
                    context.Problems.Add($"{path}: expected a string, got {Describe(value)}");
                    break;
                }
                if (!context.Constraints)
                {
                    break;
                }
                if (shape.Min is { } min && s.Length < min)
                {
                    context.Problems.Add($"{path}: length {s.Length} is below the minimum {min}");
                }
                if (shape.Max is { } max && s.Length > max)
                {
                    context.Problems.Add($"{path}: length {s.Length} is above the maximum {max}");
                }
                if (shape.Enum is { Count: > 0 } values && !values.Contains(s))
                {
                    context.Problems.Add($"{path}: '{(shape.Sensitive ? "(sensitive)" : Truncate(s))}' is not one of {string.Join(", ", values.Take(20))}{(values.Count > 20 ? ", ..." : "")}");
                }
                if (shape.Pattern is { } pattern && !shape.Sensitive && Compile(pattern) is { } regex && !Matches(regex, s))
                {
                    context.Problems.Add($"{path}: '{Truncate(s)}' does not match the pattern {pattern}");
                }
                break;
            case ShapeType.Integer:
            case ShapeType.Long:
                if (!NativeValues.TryGetInt64(value, out var l) || value.GetValueKind() != JsonValueKind.Number)
                {
                    context.Problems.Add($"{path}: expected an integer, got {Describe(value)}");
                    break;
                }
                if (shape.Type == ShapeType.Integer && l is < int.MinValue or > int.MaxValue)
                {
                    context.Problems.Add($"{path}: {l} does not fit a 32-bit integer");
                }
                CheckRange(shape, l, path, context);
                break;
            case ShapeType.Float:
            case ShapeType.Double:
            case ShapeType.BigDecimal:
            case ShapeType.BigInteger:
                if (!NativeValues.TryGetDouble(value, out var d))
                {
                    context.Problems.Add($"{path}: expected a number, got {Describe(value)}");
                    break;
                }
                CheckRange(shape, d, path, context);
                break;
            case ShapeType.Boolean:
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    context.Problems.Add($"{path}: expected true or false, got {Describe(value)}");
                }
                break;
            case ShapeType.Timestamp:
                if (!NativeValues.TryGetTimestamp(value, out _))
                {
                    context.Problems.Add($"{path}: expected a timestamp (DateTimeOffset, epoch seconds or ISO 8601 text), got {Describe(value)}");
                }
                break;
            case ShapeType.Blob:
                if (shape.Streaming && NativeValues.TryGetStream(value, out _))
                {
                    break;
                }
                if (!NativeValues.TryGetBytes(value, out var bytes))
                {
                    context.Problems.Add($"{path}: expected bytes (byte[], a string{(shape.Streaming ? " or a Stream" : "")}), got {Describe(value)}");
                    break;
                }
                if (!context.Constraints)
                {
                    break;
                }
                if (shape.Min is { } bmin && bytes.Length < bmin)
                {
                    context.Problems.Add($"{path}: length {bytes.Length} is below the minimum {bmin}");
                }
                if (shape.Max is { } bmax && bytes.Length > bmax)
                {
                    context.Problems.Add($"{path}: length {bytes.Length} is above the maximum {bmax}");
                }
                break;
        }
    }

    private static void CheckStructure(Shape shape, JsonObject value, string path, Context context)
    {
        var prefix = path.Length == 0 ? "" : path + ".";
        foreach (var required in shape.Required)
        {
            if (value[required] is null)
            {
                context.Problems.Add($"{prefix}{required}: missing required member");
            }
        }
        var set = 0;
        foreach (var (name, member) in value)
        {
            if (!shape.Members.TryGetValue(name, out var memberShape))
            {
                context.Problems.Add($"{prefix}{name}: unknown member; valid members are {string.Join(", ", shape.Members.Keys)}");
                continue;
            }
            if (member is not null)
            {
                set++;
            }
            CheckValue(memberShape, member, prefix + name, context);
        }
        if (shape.Union && set != 1)
        {
            context.Problems.Add($"{(path.Length == 0 ? shape.Name : path)}: exactly one member of the union must be set, {set} are");
        }
    }

    private static void CheckCount(Shape shape, int count, string path, Context context)
    {
        if (!context.Constraints)
        {
            return;
        }
        if (shape.Min is { } min && count < min)
        {
            context.Problems.Add($"{path}: {count} items is below the minimum {min}");
        }
        if (shape.Max is { } max && count > max)
        {
            context.Problems.Add($"{path}: {count} items is above the maximum {max}");
        }
    }

    private static void CheckRange(Shape shape, double value, string path, Context context)
    {
        if (!context.Constraints)
        {
            return;
        }
        if (shape.Min is { } min && value < min)
        {
            context.Problems.Add($"{path}: {value.ToString(CultureInfo.InvariantCulture)} is below the minimum {min}");
        }
        if (shape.Max is { } max && value > max)
        {
            context.Problems.Add($"{path}: {value.ToString(CultureInfo.InvariantCulture)} is above the maximum {max}");
        }
    }

    // Model patterns are written for Java's regex engine; the few .NET cannot compile are not checked.
    private static Regex? Compile(string pattern) => Patterns.GetOrAdd(pattern, p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    private static bool Matches(Regex regex, string s)
    {
        try
        {
            return regex.IsMatch(s);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static string Describe(JsonNode value) => value switch
    {
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the string '{Truncate(v.GetValue<string>())}'",
            JsonValueKind.Number => $"the number {v.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {v.ToJsonString()}",
            _ => "a value of another type",
        },
        _ => "an unknown value",
    };

    private static string Truncate(string s) => s.Length > 64 ? s[..64] + "..." : s;
}
