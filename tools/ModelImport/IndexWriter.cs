using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.ModelImport;

/// <summary>
/// Writes <c>Data/index.json</c>: the bundle's version and one line per service (name, api
/// version, protocols, endpoint prefix, signing name, service id, uncompressed size), so the
/// services can be listed without decompressing anything, and diffs stay readable.
/// </summary>
internal static class IndexWriter
{
    public static byte[] Build(string botocoreVersion, string package, string packageVersion, IEnumerable<ServiceResult> services)
    {
        var text = new StringBuilder();
        text.Append('{').Append('\n');
        text.Append(Line("botocoreVersion", botocoreVersion)).Append(",\n");
        text.Append(Line("package", package)).Append(",\n");
        text.Append(Line("packageVersion", packageVersion)).Append(",\n");
        text.Append("\"services\":[\n");
        text.AppendJoin(",\n", services.Select(Entry));
        text.Append("\n]\n}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Line(string key, string value) =>
        Encoding.UTF8.GetString(BundleWriter.Minify((JsonNode)new JsonObject { [key] = value }))[1..^1];

    private static string Entry(ServiceResult s)
    {
        var o = new JsonObject
        {
            ["name"] = s.Name,
            ["apiVersion"] = s.ApiVersion,
            ["protocol"] = s.Protocol,
            ["protocols"] = new JsonArray(s.Protocols.Select(p => (JsonNode?)p).ToArray()),
            ["endpointPrefix"] = s.EndpointPrefix,
            ["signingName"] = s.SigningName,
            ["serviceId"] = s.ServiceId,
            ["documents"] = new JsonArray(s.Documents.Select(p => (JsonNode?)p).ToArray()),
            ["size"] = s.Size,
        };
        return Encoding.UTF8.GetString(BundleWriter.Minify((JsonNode)o));
    }
}
