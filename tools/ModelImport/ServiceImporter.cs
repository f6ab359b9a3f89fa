using System.Text.Json.Nodes;

namespace Stratus.ModelImport;

/// <summary>Turns one service's botocore folder into its bundle entry, <c>Data/&lt;service&gt;.json.br</c>.</summary>
internal static class ServiceImporter
{
    public static ServiceResult Import(ServiceSource source, string dataDirectory) =>
        Import(source, dataDirectory, source.Name, ServiceSource.Documents);

    /// <summary>Writes <c>Data/&lt;fileStem&gt;.json.br</c> with only the given documents (file type, key in the entry).</summary>
    public static ServiceResult Import(ServiceSource source, string dataDirectory, string fileStem, IReadOnlyList<(string Type, string Key)> documentTypes)
    {
        var entry = new List<KeyValuePair<string, JsonNode?>> { new("apiVersion", source.ApiVersion) };
        var documents = new List<string>();
        var stripped = 0;
        JsonObject? service = null;
        foreach (var (type, key) in documentTypes)
        {
            var document = source.Load(type);
            if (document is null)
            {
                continue;
            }
            stripped += ModelCleaner.Strip(document);
            service ??= document;
            entry.Add(new(key, document));
            documents.Add(key);
        }
        if (service is null)
        {
            throw new ImportException($"{source.Directory}: no service-2.json");
        }
        var json = BundleWriter.MinifyObject(entry);
        var compressed = BundleWriter.Compress(json);
        BundleWriter.Write(Path.Combine(dataDirectory, fileStem + ".json.br"), compressed);

        var metadata = service["metadata"] as JsonObject ?? throw new ImportException($"{source.Directory}: service-2.json has no metadata");
        var protocol = Str(metadata, "protocol");
        var protocols = metadata["protocols"] is JsonArray list
            ? list.Select(p => p?.GetValue<string>()).OfType<string>().ToArray()
            : protocol is null ? [] : [protocol];
        var endpointPrefix = Str(metadata, "endpointPrefix");
        return new ServiceResult(
            source.Name,
            source.ApiVersion,
            protocol ?? protocols.FirstOrDefault(),
            protocols,
            endpointPrefix,
            Str(metadata, "signingName") ?? endpointPrefix,
            Str(metadata, "serviceId"),
            documents,
            json.Length,
            compressed.Length,
            stripped);
    }

    private static string? Str(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
