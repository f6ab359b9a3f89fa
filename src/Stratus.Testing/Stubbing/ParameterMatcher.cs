using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Testing.Stubbing;

/// <summary>
/// Compares the parameters a test expects with those a client sent (read back from the wire by the server
/// protocol), by the model: numbers by value, timestamps by instant (to the millisecond, as the wire carries
/// them), blobs by bytes. <see cref="Stubber.Any"/> matches anything, at any depth. Members the client fills
/// in itself (idempotency tokens, request checksums) are ignored unless the test expects them.
/// </summary>
internal static class ParameterMatcher
{
    /// <summary>Returns each difference, as "member path: expected ..., got ...".</summary>
    public static List<string> Compare(OperationModel operation, JsonObject expected, JsonObject actual)
    {
        var problems = new List<string>();
        if (operation.Input is { } shape)
        {
            Structure(shape, expected, actual, "", problems, topLevel: true);
        }
        else
        {
            foreach (var (name, _) in expected)
            {
                problems.Add($"{name}: expected, but {operation.Name} takes no input");
            }
        }
        return problems;
    }

    private static void Structure(Shape shape, JsonObject expected, JsonObject actual, string path, List<string> problems, bool topLevel)
    {
        var prefix = path.Length == 0 ? "" : path + ".";
        foreach (var (name, value) in expected)
        {
            if (!shape.Members.TryGetValue(name, out var member))
            {
                problems.Add($"{prefix}{name}: not a member of {shape.Name}; its members are {string.Join(", ", shape.Members.Keys)}");
                continue;
            }
            var sent = actual[name];
            if (value is null && sent is null)
            {
                continue;
            }
            if (sent is null && !AnyValue.Is(value))
            {
                problems.Add($"{prefix}{name}: expected {Show(value)}, but it was not sent");
                continue;
            }
            Value(member, value, sent, prefix + name, problems);
        }
        foreach (var (name, sent) in actual)
        {
            if (sent is null || expected.ContainsKey(name) || (topLevel && shape.Members.TryGetValue(name, out var m) && FilledByClient(m)))
            {
                continue;
            }
            problems.Add($"{prefix}{name}: not expected, but sent {Show(sent)}");
        }
    }

    private static void Value(Shape shape, JsonNode? expected, JsonNode? actual, string path, List<string> problems)
    {
        if (AnyValue.Is(expected))
        {
            return;
        }
        var same = shape.Type switch
        {
            ShapeType.Structure when expected is JsonObject e && actual is JsonObject a => Nested(() => Structure(shape, e, a, path, problems, topLevel: false)),
            ShapeType.List when expected is JsonArray e && actual is JsonArray a => e.Count == a.Count
                ? Nested(() => Items(shape, e, a, path, problems))
                : Fail(problems, $"{path}: expected {e.Count} items, got {a.Count}: {Show(actual)}"),
            ShapeType.Map when expected is JsonObject e && actual is JsonObject a => Nested(() => Entries(shape, e, a, path, problems)),
            ShapeType.String => NativeValues.TryGetString(expected, out var e) && NativeValues.TryGetString(actual, out var a) && e == a,
            ShapeType.Integer or ShapeType.Long => NativeValues.TryGetInt64(expected, out var e) && NativeValues.TryGetInt64(actual, out var a) && e == a,
            ShapeType.Float or ShapeType.Double or ShapeType.BigDecimal or ShapeType.BigInteger =>
                NativeValues.TryGetDouble(expected, out var e) && NativeValues.TryGetDouble(actual, out var a) && (e == a || (double.IsNaN(e) && double.IsNaN(a))),
            ShapeType.Boolean => NativeValues.TryGetBoolean(expected, out var e) && NativeValues.TryGetBoolean(actual, out var a) && e == a,
            ShapeType.Timestamp => NativeValues.TryGetTimestamp(expected, out var e) && NativeValues.TryGetTimestamp(actual, out var a)
                && e.ToUnixTimeMilliseconds() == a.ToUnixTimeMilliseconds(),
            ShapeType.Blob => NativeValues.TryGetBytes(expected, out var e) && NativeValues.TryGetBytes(actual, out var a) && e.AsSpan().SequenceEqual(a),
            _ => JsonNode.DeepEquals(expected, actual),
        };
        if (!same)
        {
            problems.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
        }
    }

    private static void Items(Shape shape, JsonArray expected, JsonArray actual, string path, List<string> problems)
    {
        for (var i = 0; i < expected.Count; i++)
        {
            Value(shape.Member, expected[i], actual[i], $"{path}[{i}]", problems);
        }
    }

    private static void Entries(Shape shape, JsonObject expected, JsonObject actual, string path, List<string> problems)
    {
        foreach (var (key, value) in expected)
        {
            if (actual[key] is { } sent)
            {
                Value(shape.Value, value, sent, $"{path}.{key}", problems);
            }
            else if (!AnyValue.Is(value))
            {
                problems.Add($"{path}.{key}: expected {Show(value)}, but the key was not sent");
            }
        }
        foreach (var (key, sent) in actual)
        {
            if (!expected.ContainsKey(key))
            {
                problems.Add($"{path}.{key}: not expected, but sent {Show(sent)}");
            }
        }
    }

    // A nested comparison reports its own differences; the caller adds none.
    private static bool Nested(Action compare)
    {
        compare();
        return true;
    }

    private static bool Fail(List<string> problems, string problem)
    {
        problems.Add(problem);
        return true;
    }

    // What a client adds on its own: an idempotency token, the checksum algorithm and checksum headers.
    private static bool FilledByClient(Shape member)
    {
        if (member.IdempotencyToken)
        {
            return true;
        }
        if (member.Location == "header" && member.LocationName is { } header
            && (header.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase) || header.Equals("Content-MD5", StringComparison.OrdinalIgnoreCase)
                || header.Equals("x-amz-sdk-checksum-algorithm", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        return false;
    }

    /// <summary>Shows a value briefly, for a message (bytes as base64, a stream as &lt;stream&gt;, the wildcard as &lt;ANY&gt;).</summary>
    public static string Show(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }
        string text;
        try
        {
            text = node.ToJsonString();
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            text = $"<{node.GetValueKind()}>";
        }
        return text.Length > 200 ? text[..200] + "..." : text;
    }
}
