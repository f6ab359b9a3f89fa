using System.Text.Json.Nodes;

namespace Stratus.Conformance;

/// <summary>The suite's own <c>protocol-tests-ignore-list.json</c>: cases botocore itself skips.</summary>
internal sealed class IgnoreList
{
    private readonly HashSet<string> _generalSuites = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cases = new(StringComparer.Ordinal);

    public static IgnoreList Load(string path)
    {
        var list = new IgnoreList();
        if (!File.Exists(path))
        {
            return list;
        }
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var s in root["general"]?["input"]?["suites"] as JsonArray ?? [])
        {
            list._generalSuites.Add(s!.GetValue<string>());
        }
        foreach (var (protocol, kinds) in root["protocols"] as JsonObject ?? [])
        {
            foreach (var (kind, body) in kinds as JsonObject ?? [])
            {
                foreach (var id in body?["cases"] as JsonArray ?? [])
                {
                    list._cases.Add($"{protocol}/{kind}/{id!.GetValue<string>()}");
                }
            }
        }
        return list;
    }

    public bool Ignores(string protocolFile, string kind, string suiteDescription, string? id) =>
        (kind == "input" && _generalSuites.Contains(suiteDescription)) || (id is not null && _cases.Contains($"{protocolFile}/{kind}/{id}"));
}
