using System.Collections.Concurrent;
using Stratus.Client;

namespace Stratus.Providers;

/// <summary>
/// The registry of providers other than AWS: each registers itself once (a provider package's entry point does it),
/// then clients connect by its name. AWS is not in it: <see cref="Aws.Connect"/> is the runtime's own.
/// </summary>
public static class CloudProviders
{
    private static readonly ConcurrentDictionary<string, CloudProvider> s_providers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a provider under its <see cref="CloudProvider.Name"/>; registering the same name again replaces it.</summary>
    public static void Register(CloudProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrEmpty(provider.Name);
        s_providers[provider.Name] = provider;
    }

    /// <summary>The registered providers' names, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. s_providers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Finds a registered provider.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CloudProvider? provider) =>
        s_providers.TryGetValue(name ?? "", out provider);

    /// <summary>Connects to a provider's service: <c>CloudProviders.Connect("azure", "blob", options)</c> (sets <paramref name="options"/>'s <see cref="ClientOptions.Provider"/>).</summary>
    /// <exception cref="ClientException">No provider has that name, or it has no such service.</exception>
    public static ServiceClient Connect(string provider, string service, ClientOptions? options = null)
    {
        if (!TryGet(provider, out var found))
        {
            throw new ClientException(ClientErrorKind.Unsupported,
                $"no cloud provider named '{provider}' is registered (registered: {string.Join(", ", Names)}).") { Service = service };
        }
        options ??= new ClientOptions();
        options.Provider = found;
        return new ServiceClient(service, options);
    }
}
