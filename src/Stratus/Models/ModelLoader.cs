using System.Collections.Concurrent;
using System.Text.Json;
using Stratus.AwsModels;

namespace Stratus.Models;

/// <summary>
/// Finds and loads service models: from user directories in botocore's layout
/// (<c>&lt;dir&gt;/&lt;service&gt;/&lt;api-version&gt;/service-2.json</c>, optionally with
/// <c>paginators-1.json</c>, <c>waiters-2.json</c> and <c>endpoint-rule-set-1.json</c>; plain or
/// <c>.json.gz</c>; the newest api version wins), then from the bundled AWS models
/// (<see cref="AwsModelBundle"/>). User directories take precedence over the bundle, the first
/// directory holding a service winning. A service is read and parsed only when first used, then
/// cached for the loader's life. Thread-safe: share one instance (<see cref="Default"/>).
/// A service may have models for other wire protocols than its main model's (protocol variants):
/// see <see cref="LoadService(string, string)"/> and <see cref="ProtocolsOf"/>.
/// </summary>
/// <remarks>
/// User directories are listed once, on first use; models added to them later are not seen by the
/// same loader. <c>*.sdk-extras.json</c> files are not merged from user directories (the bundle has them merged already).
/// </remarks>
public sealed partial class ModelLoader
{
    /// <summary>The environment variable listing extra model directories, separated by <see cref="Path.PathSeparator"/>.</summary>
    public const string EnvironmentVariable = "STRATUS_MODEL_PATH";

    private static readonly Lazy<ModelLoader> s_default = new(() => new ModelLoader());

    private readonly Lazy<Dictionary<string, DirectoryService>> _directoryServices;
    private readonly Dictionary<string, ServiceSource> _sources = new(StringComparer.Ordinal);
    private Lazy<string[]> _serviceNames;
    private readonly ConcurrentDictionary<string, Lazy<ServiceDocuments>> _services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<JsonElement>> _data = new(StringComparer.Ordinal);
    private int _loadCount;

    /// <summary>The shared loader: the bundled models, overridden by the directories in <c>STRATUS_MODEL_PATH</c> (read when first used).</summary>
    public static ModelLoader Default => s_default.Value;

    /// <summary>Creates a loader over the bundled models and the directories in <c>STRATUS_MODEL_PATH</c>.</summary>
    public ModelLoader()
        : this([], includeEnvironment: true)
    {
    }

    /// <summary>Creates a loader over the bundled models, overridden by user directories.</summary>
    /// <param name="extraDirectories">Directories in botocore's layout, searched in order before the bundle.</param>
    /// <param name="includeEnvironment">Whether to search the directories in <c>STRATUS_MODEL_PATH</c> too (after <paramref name="extraDirectories"/>).</param>
    public ModelLoader(IEnumerable<string> extraDirectories, bool includeEnvironment = true)
    {
        ArgumentNullException.ThrowIfNull(extraDirectories);
        var paths = extraDirectories.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        if (includeEnvironment && Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } variable)
        {
            paths.AddRange(variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        SearchPaths = paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToArray();
        _directoryServices = new(() => ModelDirectory.Scan(SearchPaths));
        _serviceNames = new(() => AwsModelBundle.ServiceNames.Union(_directoryServices.Value.Keys).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// Creates a loader over service descriptions held by code (a provider's models, see <see cref="ServiceSource"/>),
    /// searched before the bundled AWS models; <c>STRATUS_MODEL_PATH</c> is not read.
    /// </summary>
    public ModelLoader(IEnumerable<ServiceSource> services)
        : this([], includeEnvironment: false)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var source in services)
        {
            _sources[source.Name] = source;
        }
        _serviceNames = new(() => AwsModelBundle.ServiceNames.Union(_sources.Keys).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The user model directories, in order of precedence (all before the bundle).</summary>
    public IReadOnlyList<string> SearchPaths { get; }

    /// <summary>Every service this loader can load: the bundle's and the user directories', sorted ordinally.</summary>
    public IReadOnlyList<string> ServiceNames => _serviceNames.Value;

    /// <summary>The number of services read and parsed so far (for tests and diagnostics).</summary>
    internal int LoadCount => Volatile.Read(ref _loadCount);

    /// <summary>Whether this loader knows <paramref name="service"/> (exact, case-sensitive name).</summary>
    public bool Contains(string service) =>
        service is not null && (_sources.ContainsKey(service) || _directoryServices.Value.ContainsKey(service) || AwsModelBundle.Contains(service));

    /// <summary>Whether <paramref name="service"/> has been read and parsed already.</summary>
    public bool IsLoaded(string service) =>
        service is not null && _services.TryGetValue(service, out var entry) && entry.IsValueCreated;

    /// <summary>Loads a service's model (<c>service-2.json</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such service; the message suggests close names.</exception>
    public ServiceModel LoadService(string service) => Load(service).Model;

    /// <summary>The api version of the service's model that this loader uses, for example <c>2016-11-15</c>.</summary>
    /// <exception cref="KeyNotFoundException">No such service.</exception>
    public string GetApiVersion(string service) => Load(service).ApiVersion;

    /// <summary>Loads a service's paginators (<c>paginators-1.json</c>), or null when it has none.</summary>
    /// <exception cref="KeyNotFoundException">No such service.</exception>
    public JsonElement? LoadPaginators(string service) => Load(service).Paginators;

    /// <summary>Loads a service's waiters (<c>waiters-2.json</c>), or null when it has none.</summary>
    /// <exception cref="KeyNotFoundException">No such service.</exception>
    public JsonElement? LoadWaiters(string service) => Load(service).Waiters;

    /// <summary>Loads a service's endpoint rule set (<c>endpoint-rule-set-1.json</c>), or null when it has none.</summary>
    /// <exception cref="KeyNotFoundException">No such service.</exception>
    public JsonElement? LoadRuleSet(string service) => Load(service).RuleSet;

    /// <summary>
    /// Loads a shared data file: <c>endpoints</c>, <c>partitions</c>, <c>sdk-default-configuration</c>,
    /// <c>_retry</c> (a leading underscore and <c>.json</c> are optional), from the first user directory
    /// holding <c>&lt;name&gt;.json</c> or <c>_&lt;name&gt;.json</c> (or <c>.json.gz</c>), else from the bundle.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such data file.</exception>
    public JsonElement LoadData(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var bare = (name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name).TrimStart('_');
        if (bare.Length == 0 || bare.Contains('/') || bare.Contains('\\') || bare.Contains(".."))
        {
            throw new KeyNotFoundException($"No model data file named '{name}'.");
        }
        return GetOrLoad(_data, bare, () => LoadDataFile(name, bare));
    }

    private JsonElement LoadDataFile(string name, string bare)
    {
        foreach (var directory in SearchPaths)
        {
            var path = ModelFiles.Find(Path.Combine(directory, bare)) ?? ModelFiles.Find(Path.Combine(directory, "_" + bare));
            if (path is not null)
            {
                return ModelFiles.ParseFile(path).RootElement;
            }
        }
        using var stream = AwsModelBundle.OpenData(bare)
            ?? throw new KeyNotFoundException($"No model data file named '{name}' (bundled: {string.Join(", ", AwsModelBundle.DataNames)}).");
        return ModelFiles.ParseStream(stream, 0).RootElement;
    }

    private ServiceDocuments Load(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!Contains(service))
        {
            throw UnknownService(service);
        }
        return GetOrLoad(_services, service, () => Read(service));
    }

    private ServiceDocuments Read(string service)
    {
        Interlocked.Increment(ref _loadCount);
        if (_sources.TryGetValue(service, out var source))
        {
            return ReadSource(source);
        }
        if (_directoryServices.Value.TryGetValue(service, out var user))
        {
            return ReadDirectory(user);
        }
        var info = AwsModelBundle.GetServiceInfo(service)!;
        using var stream = AwsModelBundle.OpenService(service)!;
        var root = ModelFiles.ParseStream(stream, info.Size).RootElement;
        return new ServiceDocuments(
            new ServiceModel(service, root.GetProperty("service")),
            JsonModel.Str(root, "apiVersion") ?? info.ApiVersion,
            JsonModel.Obj(root, "paginators"),
            JsonModel.Obj(root, "waiters"),
            JsonModel.Obj(root, "rules"));
    }

    private static ServiceDocuments ReadSource(ServiceSource source)
    {
        JsonElement Parse(Func<Stream> open)
        {
            using var stream = open();
            return ModelFiles.ParseStream(stream, 0).RootElement;
        }

        return new ServiceDocuments(
            new ServiceModel(source.Name, Parse(source.OpenModel)),
            source.ApiVersion,
            source.OpenPaginators is { } paginators ? Parse(paginators) : null,
            null,
            null);
    }

    private static ServiceDocuments ReadDirectory(DirectoryService user)
    {
        JsonElement? Optional(string stem) =>
            ModelFiles.Find(Path.Combine(user.Folder, stem)) is { } path ? ModelFiles.ParseFile(path).RootElement : null;

        var model = ModelFiles.ParseFile(ModelFiles.Find(Path.Combine(user.Folder, "service-2"))!).RootElement;
        return new ServiceDocuments(
            new ServiceModel(user.Name, model),
            user.ApiVersion,
            Optional("paginators-1"),
            Optional("waiters-2"),
            Optional("endpoint-rule-set-1"));
    }

    /// <summary>Loads once per key; a failed load is not cached, so it is retried (and reported) on next use.</summary>
    private static T GetOrLoad<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(ConcurrentDictionary<string, Lazy<T>> cache, string key, Func<T> load)
    {
        var entry = cache.GetOrAdd(key, _ => new Lazy<T>(load, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<T>>(key, entry));
            throw;
        }
    }

    private KeyNotFoundException UnknownService(string service)
    {
        var close = NameSuggestions.Find(service, ServiceNames);
        var hint = close.Count > 0 ? $" Did you mean: {string.Join(", ", close)}?" : "";
        var where = SearchPaths.Count > 0 ? $" in {string.Join(", ", SearchPaths)} or" : "";
        return new KeyNotFoundException($"Unknown service '{service}': no model{where} in the bundle ({ServiceNames.Count} services).{hint}");
    }
}
