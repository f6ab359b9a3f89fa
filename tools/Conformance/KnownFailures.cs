using System.Text.Json.Nodes;

namespace Stratus.Conformance;

/// <summary>
/// The checked-in list of protocol cases Stratus knows it fails, each with the reason
/// (<c>known-failures.json</c>, copied beside the tool). Keys are "relative/file.json: case".
/// </summary>
internal static class KnownFailures
{
    public static Dictionary<string, string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "known-failures.json");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                map[k] = v?.GetValue<string>() ?? "";
            }
        }
        return map;
    }
}
