using System.Collections.Concurrent;
using Stratus.AwsModels;

namespace Stratus.Models;

/// <summary>Protocol variants: a service's models for other wire protocols than its main model's.</summary>
public sealed partial class ModelLoader
{
    private readonly ConcurrentDictionary<string, Lazy<ServiceModel>> _protocolModels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ServiceDocuments>> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DirectoryService[]> _userFolders = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads a service's model for a wire protocol: the variant made for that protocol when there is one
    /// (in the user directories, any api-version folder of the service whose <c>metadata.protocol</c> is
    /// <paramref name="protocol"/>, newest first; else the bundle's <c>&lt;service&gt;@&lt;protocol&gt;</c>,
    /// for example SQS's <c>query</c> model), else the main model (<see cref="LoadService(string)"/>) when it
    /// lists that protocol. Read on first use and cached, like the main models.
    /// </summary>
    /// <param name="service">The service name, for example <c>sqs</c>.</param>
    /// <param name="protocol">The protocol, for example <c>query</c>.</param>
    /// <exception cref="KeyNotFoundException">No such service, or no model of it speaks <paramref name="protocol"/>.</exception>
    public ServiceModel LoadService(string service, string protocol)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        if (!Contains(service))
        {
            throw UnknownService(service);
        }
        return GetOrLoad(_protocolModels, service + "@" + protocol, () => LoadForProtocol(service, protocol));
    }

    /// <summary>
    /// The protocols <paramref name="service"/> can be loaded for with <see cref="LoadService(string, string)"/>:
    /// its main model's (in order of preference), then its variants'. For a bundled service this reads only the index.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such service.</exception>
    public IReadOnlyList<string> ProtocolsOf(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!Contains(service))
        {
            throw UnknownService(service);
        }
        var main = _sources.ContainsKey(service) || _directoryServices.Value.ContainsKey(service)
            ? Load(service).Model.Metadata.Protocols
            : AwsModelBundle.GetServiceInfo(service)!.Protocols;
        var user = UserFolders(service).Select(f => ReadFolder(f).Model.Metadata.Protocol);
        return [.. main.Concat(user).Concat(AwsModelBundle.VariantsOf(service)).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private ServiceModel LoadForProtocol(string service, string protocol)
    {
        foreach (var folder in UserFolders(service))
        {
            var model = ReadFolder(folder).Model;
            if (model.Metadata.Protocol == protocol)
            {
                return model;
            }
        }
        if (AwsModelBundle.GetVariantInfo(service, protocol) is { } info)
        {
            Interlocked.Increment(ref _loadCount);
            using var stream = AwsModelBundle.OpenVariant(service, protocol)!;
            return new ServiceModel(service, ModelFiles.ParseStream(stream, info.Size).RootElement.GetProperty("service"));
        }
        var main = LoadService(service);
        return main.Metadata.Protocols.Contains(protocol, StringComparer.Ordinal)
            ? main
            : throw new KeyNotFoundException(
                $"Service '{service}' has no model for protocol '{protocol}'; it has models for: {string.Join(", ", ProtocolsOf(service))}.");
    }

    /// <summary>The service's api-version folders in the user directories (listed once per service).</summary>
    private DirectoryService[] UserFolders(string service) =>
        SearchPaths.Count == 0 ? [] : _userFolders.GetOrAdd(service, s => ModelDirectory.Folders(SearchPaths, s));

    /// <summary>Reads a user folder once; the main model's folder is read through the main cache.</summary>
    private ServiceDocuments ReadFolder(DirectoryService folder) =>
        _directoryServices.Value.TryGetValue(folder.Name, out var main) && main.Folder == folder.Folder
            ? Load(folder.Name)
            : GetOrLoad(_folders, folder.Folder, () =>
            {
                Interlocked.Increment(ref _loadCount);
                return ReadDirectory(folder);
            });
}
