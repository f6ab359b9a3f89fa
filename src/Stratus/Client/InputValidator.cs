using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Client;

/// <summary>
/// Checks an operation's input against its model before anything is sent: unknown members, missing
/// required members, wrong types, and the modeled length, range, enum and pattern constraints.
/// </summary>
public static class InputValidator
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    /// <summary>Validates and throws a <see cref="ClientException"/> listing every problem, naming the service, operation and member path.</summary>
    public static void Validate(OperationModel operation, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var problems = Check(operation, input);
        if (problems.Count > 0)
        {
            throw new ClientException(
                ClientErrorKind.InvalidInput,
                $"{operation.Service.Name}.{operation.Name}: invalid input: {string.Join("; ", problems)}")
            {
                Service = operation.Service.Name,
                Operation = operation.Name,
                Problems = problems,
            };
        }
    }

    /// <summary>Returns every problem found, as "member path: problem".</summary>
    public static List<string> Check(OperationModel operation, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<string>();
        if (operation.Input is { } shape)
        {
            CheckStructure(shape, input, "", problems);
        }
        else if (input.Count > 0)
        {
            problems.Add($"{string.Join(", ", input.Select(p => p.Key))}: the operation takes no input");
        }
        return problems;
    }

    private static void CheckValue(Shape shape, JsonNode? value, string path, List<string> problems)
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
                    CheckStructure(shape, o, path, problems);
                }
                else
                {
                    problems.Add($"{path}: expected an object, got {Describe(value)}");
                }
                break;
            case ShapeType.List:
                if (value is JsonArray a)
                {
                    CheckCount(shape, a.Count, path, problems);
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (a[i] is null)
                        {
                            problems.Add($"{path}[{i}]: null is not allowed in a list");
                            continue;
                        }
                        CheckValue(shape.Member, a[i], $"{path}[{i}]", problems);
                    }
                }
                else
                {
                    problems.Add($"{path}: expected a list, got {Describe(value)}");
                }
                break;
            case ShapeType.Map:
                if (value is JsonObject m)
                {
                    CheckCount(shape, m.Count, path, problems);
                    foreach (var (k, v) in m)
                    {
                        CheckValue(shape.Key, JsonValue.Create(k), $"{path}.{k} (key)", problems);
                        CheckValue(shape.Value, v, $"{path}.{k}", problems);
                    }
                }
                else
                {
                    problems.Add($"{path}: expected a map (object), got {Describe(value)}");
                }
                break;
            case ShapeType.String:
                if (!NativeValues.TryGetString(value, out var s))
                {
                    problems.Add($"{path}: expected a string, got {Describe(value)}");
                    break;
                }
                if (shape.Min is { } min && s.Length < min)
                {
                    problems.Add($"{path}: length {s.Length} is below the minimum {min}");
                }
                if (shape.Max is { } max && s.Length > max)
                {
                    problems.Add($"{path}: length {s.Length} is above the maximum {max}");
                }
                if (shape.Enum is { Count: > 0 } values && !values.Contains(s))
                {
                    problems.Add($"{path}: '{(shape.Sensitive ? "(sensitive)" : Truncate(s))}' is not one of {string.Join(", ", values.Take(20))}{(values.Count > 20 ? ", ..." : "")}");
                }
                if (shape.Pattern is { } pattern && !shape.Sensitive && Compile(pattern) is { } regex && !Matches(regex, s))
                {
                    problems.Add($"{path}: '{Truncate(s)}' does not match the pattern {pattern}");
                }
                break;
            case ShapeType.Integer:
            case ShapeType.Long:
                if (!NativeValues.TryGetInt64(value, out var l) || value.GetValueKind() != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected an integer, got {Describe(value)}");
                    break;
                }
                if (shape.Type == ShapeType.Integer && l is < int.MinValue or > int.MaxValue)
                {
                    problems.Add($"{path}: {l} does not fit a 32-bit integer");
                }
                CheckRange(shape, l, path, problems);
                break;
            case ShapeType.Float:
            case ShapeType.Double:
            case ShapeType.BigDecimal:
            case ShapeType.BigInteger:
                if (!NativeValues.TryGetDouble(value, out var d))
                {
                    problems.Add($"{path}: expected a number, got {Describe(value)}");
                    break;
                }
                CheckRange(shape, d, path, problems);
                break;
            case ShapeType.Boolean:
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected true or false, got {Describe(value)}");
                }
                break;
            case ShapeType.Timestamp:
                if (!NativeValues.TryGetTimestamp(value, out _))
                {
                    problems.Add($"{path}: expected a timestamp (DateTimeOffset, epoch seconds or ISO 8601 text), got {Describe(value)}");
                }
                break;
            case ShapeType.Blob:
                if (shape.Streaming && NativeValues.TryGetStream(value, out _))
                {
                    break;
                }
                if (!NativeValues.TryGetBytes(value, out var bytes))
                {
                    problems.Add($"{path}: expected bytes (byte[], a string{(shape.Streaming ? " or a Stream" : "")}), got {Describe(value)}");
                    break;
                }
                if (shape.Min is { } bmin && bytes.Length < bmin)
                {
                    problems.Add($"{path}: length {bytes.Length} is below the minimum {bmin}");
                }
                if (shape.Max is { } bmax && bytes.Length > bmax)
                {
                    problems.Add($"{path}: length {bytes.Length} is above the maximum {bmax}");
                }
                break;
        }
    }

    private static void CheckStructure(Shape shape, JsonObject value, string path, List<string> problems)
    {
        var prefix = path.Length == 0 ? "" : path + ".";
        foreach (var required in shape.Required)
        {
            if (value[required] is null)
            {
                problems.Add($"{prefix}{required}: missing required member");
            }
        }
        var set = 0;
        foreach (var (name, member) in value)
        {
            if (!shape.Members.TryGetValue(name, out var memberShape))
            {
                problems.Add($"{prefix}{name}: unknown member; valid members are {string.Join(", ", shape.Members.Keys)}");
                continue;
            }
            if (member is not null)
            {
                set++;
            }
            CheckValue(memberShape, member, prefix + name, problems);
        }
        if (shape.Union && set != 1)
        {
            problems.Add($"{(path.Length == 0 ? "input" : path)}: exactly one member of the union must be set, {set} are");
        }
    }

    private static void CheckCount(Shape shape, int count, string path, List<string> problems)
    {
        if (shape.Min is { } min && count < min)
        {
            problems.Add($"{path}: {count} items is below the minimum {min}");
        }
        if (shape.Max is { } max && count > max)
        {
            problems.Add($"{path}: {count} items is above the maximum {max}");
        }
    }

    private static void CheckRange(Shape shape, double value, string path, List<string> problems)
    {
        if (shape.Min is { } min && value < min)
        {
            problems.Add($"{path}: {value.ToString(CultureInfo.InvariantCulture)} is below the minimum {min}");
        }
        if (shape.Max is { } max && value > max)
        {
            problems.Add($"{path}: {value.ToString(CultureInfo.InvariantCulture)} is above the maximum {max}");
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
