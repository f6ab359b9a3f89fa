using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.ModelImport;

/// <summary>
/// Writes <c>Data/index.json</c>: the bundle's version and one line per service (name, api
/// version, protocols, endpoint prefix, signing name, service id, uncompressed size), so the
/// services can be listed without decompressing anything, and diffs stay readable. Protocol
/// variants follow under <c>variants</c> (not among the services): the same fields plus
/// <c>variant</c> (the protocol) and the botocore and package versions they come from.
/// </summary>
internal static class IndexWriter
{
    public static byte[] Build(string botocoreVersion, string package, string packageVersion,
        IEnumerable<ServiceResult> services, IReadOnlyList<VariantResult> variants)
    {
        var text = new StringBuilder();
        text.Append('{').Append('\n');
        text.Append(Line("botocoreVersion", botocoreVersion)).Append(",\n");
        text.Append(Line("package", package)).Append(",\n");
        text.Append(Line("packageVersion", packageVersion)).Append(",\n");
        text.Append("\"services\":[\n");
        text.AppendJoin(",\n", services.Select(s => Line(Entry(s))));
        text.Append("\n]");
        if (variants.Count > 0)
        {
            text.Append(",\n\"variants\":[\n");
            text.AppendJoin(",\n", variants.Select(VariantEntry));
            text.Append("\n]");
        }
        text.Append("\n}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Line(string key, string value) =>
        Encoding.UTF8.GetString(BundleWriter.Minify((JsonNode)new JsonObject { [key] = value }))[1..^1];

    private static string VariantEntry(VariantResult v)
    {
        var o = Entry(v.Result);
        o.Insert(1, "variant", v.Variant.Protocol);
        o["botocoreVersion"] = v.Source.BotocoreVersion;
        o["packageVersion"] = v.Source.PackageVersion;
        return Line(o);
    }

    private static string Line(JsonObject o) => Encoding.UTF8.GetString(BundleWriter.Minify((JsonNode)o));

    private static JsonObject Entry(ServiceResult s) =>
        new()
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
}
