using System.Text.Json.Nodes;

namespace Stratus.ModelImport;

/// <summary>One service's newest api-version folder in botocore's data directory.</summary>
internal sealed record ServiceSource(string Name, string ApiVersion, string Directory)
{
    /// <summary>The documents bundled for a service: file type, and key in the bundle entry.</summary>
    public static readonly (string Type, string Key)[] Documents =
    [
        ("service-2", "service"),
        ("paginators-1", "paginators"),
        ("waiters-2", "waiters"),
        ("endpoint-rule-set-1", "rules"),
    ];

    /// <summary>Finds every service and the api version botocore would load (the greatest folder name holding a service-2.json).</summary>
    public static IReadOnlyList<ServiceSource> Discover(string dataDirectory)
    {
        var result = new List<ServiceSource>();
        foreach (var serviceDir in System.IO.Directory.GetDirectories(dataDirectory).Order(StringComparer.Ordinal))
        {
            if (Newest(serviceDir) is { } source)
            {
                result.Add(source);
            }
        }
        return result;
    }

    /// <summary>Finds one service's newest api version, or null when botocore has no such service.</summary>
    public static ServiceSource? Find(string dataDirectory, string service)
    {
        var serviceDir = Path.Combine(dataDirectory, service);
        return System.IO.Directory.Exists(serviceDir) ? Newest(serviceDir) : null;
    }

    private static ServiceSource? Newest(string serviceDir)
    {
        var newest = System.IO.Directory.GetDirectories(serviceDir)
            .Where(d => File.Exists(Path.Combine(d, "service-2.json")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .LastOrDefault();
        return newest is null ? null : new ServiceSource(Path.GetFileName(serviceDir), newest, Path.Combine(serviceDir, newest));
    }

    /// <summary>Loads a document type (with its sdk-extras merged), or null when the folder has none.</summary>
    public JsonObject? Load(string type)
    {
        var path = Path.Combine(Directory, type + ".json");
        if (!File.Exists(path))
        {
            return null;
        }
        var document = ReadObject(path);
        var extras = Path.Combine(Directory, type + ".sdk-extras.json");
        if (File.Exists(extras) && ReadObject(extras)["merge"] is JsonObject merge)
        {
            ModelCleaner.MergeExtras(document, merge);
        }
        return document;
    }

    /// <summary>Reads a JSON file whose root is an object.</summary>
    public static JsonObject ReadObject(string path) =>
        JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject ?? throw new ImportException($"{path}: the root is not a JSON object");
}
