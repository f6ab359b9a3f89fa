using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.Sts;

/// <summary>Reads and checks members of an STS operation's input, answering with STS's ValidationError.</summary>
internal static class StsInput
{
    /// <summary>A required string member; <paramref name="wireName"/> is how STS names it in errors (camelCase).</summary>
    public static string Required(JsonObject input, string member, string wireName) =>
        NativeValues.TryGetString(input[member], out var s) ? s : throw StsErrors.Missing(wireName);

    public static string? Optional(JsonObject input, string member) =>
        NativeValues.TryGetString(input[member], out var s) ? s : null;

    /// <summary>A string whose length and characters are checked (characters: ASCII letters, digits, and <paramref name="extra"/>).</summary>
    public static string? Checked(JsonObject input, string member, string wireName, int min, int max, string extra, bool required)
    {
        var value = required ? Required(input, member, wireName) : Optional(input, member);
        if (value is null)
        {
            return null;
        }
        if (value.Length < min || value.Length > max)
        {
            throw StsErrors.Length(wireName, value, min, max);
        }
        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || extra.Contains(c, StringComparison.Ordinal)))
        {
            throw StsErrors.Pattern(wireName, value, $"[\\w{extra}]*");
        }
        return value;
    }

    /// <summary>DurationSeconds: the default when absent, else checked against the range.</summary>
    public static int Duration(JsonObject input, int min, int max, int fallback)
    {
        var node = input["DurationSeconds"];
        if (node is null)
        {
            return fallback;
        }
        if (!NativeValues.TryGetInt64(node, out var v))
        {
            throw StsErrors.Validation($"1 validation error detected: Value '{node.ToJsonString()}' at 'durationSeconds' failed to satisfy constraint: Member must be an integer");
        }
        return v >= min && v <= max ? (int)v : throw StsErrors.Range("durationSeconds", v, min, max);
    }
}
