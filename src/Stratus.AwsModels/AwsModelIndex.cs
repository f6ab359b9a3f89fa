using System.Text.Json;

namespace Stratus.AwsModels;

/// <summary>The parsed <c>index.json</c>.</summary>
internal sealed class AwsModelIndex
{
    private readonly Dictionary<string, AwsServiceInfo> _byName;

    private AwsModelIndex(string version, string packageVersion, AwsServiceInfo[] services)
    {
        Version = version;
        PackageVersion = packageVersion;
        Services = services;
        Names = Array.ConvertAll(services, s => s.Name);
        _byName = services.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public string Version { get; }
    public string PackageVersion { get; }
    public IReadOnlyList<AwsServiceInfo> Services { get; }
    public IReadOnlyList<string> Names { get; }

    public AwsServiceInfo? Find(string name) => _byName.GetValueOrDefault(name);

    public static AwsModelIndex Read(Stream utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        var services = root.GetProperty("services").EnumerateArray().Select(s => new AwsServiceInfo(
            s.GetProperty("name").GetString()!,
            s.GetProperty("apiVersion").GetString()!,
            Str(s, "protocol"),
            Strings(s, "protocols"),
            Str(s, "endpointPrefix"),
            Str(s, "signingName"),
            Str(s, "serviceId"),
            Strings(s, "documents"),
            s.TryGetProperty("size", out var size) ? size.GetInt64() : 0)).ToArray();
        return new AwsModelIndex(Str(root, "botocoreVersion") ?? "", Str(root, "packageVersion") ?? "", services);
    }

    private static string? Str(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string[] Strings(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : [];
}
