using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>Reads members of an operation's input, with AWS's errors for missing or invalid ones.</summary>
internal static class Input
{
    /// <summary>A string member, or null.</summary>
    public static string? Text(JsonObject input, string member) => NativeValues.TryGetString(input[member], out var s) ? s : null;

    /// <summary>A required string member.</summary>
    public static string RequiredText(JsonObject input, string member) => Text(input, member) ?? throw DynamoDbErrors.Missing(member);

    /// <summary>A boolean member, or null.</summary>
    public static bool? Flag(JsonObject input, string member) => NativeValues.TryGetBoolean(input[member], out var b) ? b : null;

    /// <summary>An integer member, or null.</summary>
    public static long? Integer(JsonObject input, string member) => NativeValues.TryGetInt64(input[member], out var n) ? n : null;

    /// <summary>A structure or map member, or null.</summary>
    public static JsonObject? Map(JsonObject input, string member) => input[member] as JsonObject;

    /// <summary>A list member, or null.</summary>
    public static JsonArray? List(JsonObject input, string member) => input[member] as JsonArray;

    /// <summary>An enum member: its value (or <paramref name="fallback"/> when absent), which must be one of <paramref name="allowed"/>.</summary>
    public static string Choice(JsonObject input, string member, string fallback, params string[] allowed)
    {
        var value = Text(input, member) ?? fallback;
        return allowed.Contains(value) ? value : throw DynamoDbErrors.NotInEnum(member, value, string.Join(", ", allowed));
    }

    /// <summary>Rejects the legacy (pre-expression) parameters this mock does not implement.</summary>
    public static void RejectLegacy(JsonObject input, params string[] members)
    {
        foreach (var member in members)
        {
            if (input[member] is not null)
            {
                throw DynamoDbErrors.Validation($"The Stratus mock DynamoDB does not support the legacy parameter {member}; use expressions instead.");
            }
        }
    }
}
