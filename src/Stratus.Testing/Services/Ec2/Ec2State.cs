using System.Globalization;
using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

/// <summary>Reads and writes the values of saved state.</summary>
internal static class Ec2State
{
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string String(JsonObject state, string name) => (string?)state[name] ?? "";

    public static string? OptionalString(JsonObject state, string name) => (string?)state[name];

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    public static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(v => (string)v!).ToList() : [];
}
