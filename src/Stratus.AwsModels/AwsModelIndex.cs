using System.Text.Json;

namespace Stratus.AwsModels;

/// <summary>The parsed <c>index.json</c>.</summary>
internal sealed class AwsModelIndex
{
    private readonly Dictionary<string, AwsServiceInfo> _byName;

    private readonly Dictionary<string, AwsServiceInfo[]> _variantsByName;

    private AwsModelIndex(string version, string packageVersion, AwsServiceInfo[] services, AwsServiceInfo[] variants)
    {
        Version = version;
        PackageVersion = packageVersion;
        Services = services;
        Names = Array.ConvertAll(services, s => s.Name);
        _byName = services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Variants = variants;
        _variantsByName = variants.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public string Version { get; }
    public string PackageVersion { get; }
    public IReadOnlyList<AwsServiceInfo> Services { get; }
    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<AwsServiceInfo> Variants { get; }

    public AwsServiceInfo? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>A service's protocol variants (empty when it has none).</summary>
    public IReadOnlyList<AwsServiceInfo> VariantsOf(string name) => _variantsByName.GetValueOrDefault(name) ?? [];

    public static AwsModelIndex Read(Stream utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        var services = root.GetProperty("services").EnumerateArray().Select(s => Entry(s, null, null)).ToArray();
        var variants = root.TryGetProperty("variants", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(v => Entry(v, Str(v, "variant"), Str(v, "botocoreVersion"))).Where(v => v.Variant is not null).ToArray()
            : [];
        return new AwsModelIndex(Str(root, "botocoreVersion") ?? "", Str(root, "packageVersion") ?? "", services, variants);
    }

    private static AwsServiceInfo Entry(JsonElement s, string? variant, string? botocoreVersion) =>
        new(
            s.GetProperty("name").GetString()!,
            s.GetProperty("apiVersion").GetString()!,
            Str(s, "protocol"),
            Strings(s, "protocols"),
            Str(s, "endpointPrefix"),
            Str(s, "signingName"),
            Str(s, "serviceId"),
            Strings(s, "documents"),
            s.TryGetProperty("size", out var size) ? size.GetInt64() : 0,
            variant,
            botocoreVersion);

    private static string? Str(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string[] Strings(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : [];
}
