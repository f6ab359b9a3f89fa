using System.IO.Compression;

namespace Stratus.AwsModels;

/// <summary>
/// The AWS service models bundled in this assembly (botocore's, see PROVENANCE.md): one
/// Brotli-compressed JSON resource per service, holding
/// <c>{"apiVersion", "service", "paginators"?, "waiters"?, "rules"?}</c>, plus the shared data
/// files (<c>_endpoints</c>, <c>_partitions</c>, <c>_sdk-default-configuration</c>, <c>_retry</c>).
/// Listing services reads only the small index; nothing is decompressed until opened.
/// A service may also have protocol variants (<see cref="Variants"/>): its model for another wire
/// protocol, from an older botocore, as <c>&lt;service&gt;@&lt;protocol&gt;</c> (not among <see cref="ServiceNames"/>).
/// </summary>
public static class AwsModelBundle
{
    private const string IndexResource = "index.json";
    private const string Extension = ".json.br";
    private static readonly Lazy<AwsModelIndex> s_index = new(LoadIndex);

    // A Native AOT app may have trimmed the models of services it does not use (StratusModel items, see
    // build/Stratus.AwsModels.targets): the index still lists them, their resources are gone.
    private static readonly Lazy<string[]> s_present = new(() => [.. s_index.Value.Names.Where(HasResource)]);

    /// <summary>The names of the bundled data files (open them with <see cref="OpenData"/>).</summary>
    public static IReadOnlyList<string> DataNames { get; } = ["_endpoints", "_partitions", "_retry", "_sdk-default-configuration"];

    /// <summary>The botocore version the models come from, for example <c>1.43.117</c>.</summary>
    public static string Version => s_index.Value.Version;

    /// <summary>The Debian package version the models come from, for example <c>1.43.117+repack-1</c>.</summary>
    public static string PackageVersion => s_index.Value.PackageVersion;

    /// <summary>The bundled service names (botocore's folder names), sorted ordinally.</summary>
    public static IReadOnlyList<string> ServiceNames => s_present.Value;

    /// <summary>The index: one entry per bundled service, sorted by name.</summary>
    public static IReadOnlyList<AwsServiceInfo> Services => s_index.Value.Services;

    /// <summary>
    /// The protocol variants: models of a service for another wire protocol than its main model's (for
    /// example SQS's <c>query</c> model, which older clients and emulators speak), each with
    /// <see cref="AwsServiceInfo.Variant"/> set to its protocol. Sorted by service, then protocol.
    /// </summary>
    public static IReadOnlyList<AwsServiceInfo> Variants => s_index.Value.Variants;

    /// <summary>The protocols of <paramref name="service"/>'s variants, for example <c>["query"]</c> for <c>sqs</c>; empty when it has none.</summary>
    public static IReadOnlyList<string> VariantsOf(string service) =>
        service is null ? [] : [.. s_index.Value.VariantsOf(service).Select(v => v.Variant!)];

    /// <summary>The index entry of <paramref name="service"/>'s variant for <paramref name="protocol"/>, or null when the bundle has none.</summary>
    public static AwsServiceInfo? GetVariantInfo(string service, string protocol) =>
        service is null || protocol is null ? null : s_index.Value.VariantsOf(service).FirstOrDefault(v => v.Variant == protocol);

    /// <summary>
    /// Opens a protocol variant's bundle entry (<c>{"apiVersion", "service", "paginators"?}</c>),
    /// decompressing as it is read; null when the bundle has no such variant. The caller disposes the stream.
    /// </summary>
    public static Stream? OpenVariant(string service, string protocol) =>
        GetVariantInfo(service, protocol) is { } info ? OpenCompressed(info.Name + "@" + info.Variant + Extension) : null;

    /// <summary>Whether the bundle has a model for <paramref name="service"/> (exact, case-sensitive name).</summary>
    public static bool Contains(string service) => service is not null && s_index.Value.Find(service) is not null && HasResource(service);

    private static bool HasResource(string service) => typeof(AwsModelBundle).Assembly.GetManifestResourceInfo(service + Extension) is not null;

    /// <summary>The index entry of <paramref name="service"/>, or null when the bundle has none.</summary>
    public static AwsServiceInfo? GetServiceInfo(string service) => service is null ? null : s_index.Value.Find(service);

    /// <summary>
    /// Opens a service's bundle entry, decompressing as it is read (UTF-8 JSON); null when the bundle
    /// has no such service. The caller disposes the stream.
    /// </summary>
    public static Stream? OpenService(string service) =>
        Contains(service) ? OpenCompressed(service + Extension) : null;

    /// <summary>
    /// Opens a shared data file, decompressing as it is read (UTF-8 JSON): <c>_endpoints</c>,
    /// <c>_partitions</c>, <c>_sdk-default-configuration</c> or <c>_retry</c> (the leading underscore
    /// and a <c>.json</c> suffix are optional). Null for any other name. The caller disposes the stream.
    /// </summary>
    public static Stream? OpenData(string name)
    {
        var normalized = NormalizeDataName(name);
        return normalized is null ? null : OpenCompressed(normalized + Extension);
    }

    /// <summary>Maps <c>endpoints</c>, <c>endpoints.json</c>, <c>_endpoints</c> ... to a bundled data name, or null.</summary>
    public static string? NormalizeDataName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        var bare = name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name;
        var normalized = "_" + bare.TrimStart('_');
        return DataNames.Contains(normalized) ? normalized : null;
    }

    private static BrotliStream? OpenCompressed(string resource) =>
        typeof(AwsModelBundle).Assembly.GetManifestResourceStream(resource) is { } raw
            ? new BrotliStream(raw, CompressionMode.Decompress, leaveOpen: false)
            : null;

    private static AwsModelIndex LoadIndex()
    {
        using var stream = typeof(AwsModelBundle).Assembly.GetManifestResourceStream(IndexResource)
            ?? throw new InvalidOperationException($"The model bundle has no '{IndexResource}' resource.");
        return AwsModelIndex.Read(stream);
    }
}
