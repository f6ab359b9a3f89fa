using System.Collections.Concurrent;
using Stratus.Models;

namespace Stratus.Protocols.Server;

/// <summary>The server sides of the protocols, by name (see <see cref="ProtocolRegistry"/> for the client sides).</summary>
public static class ServerProtocolRegistry
{
    private static readonly ConcurrentDictionary<string, Func<ServiceMetadata, IServerProtocol>> Factories = new(StringComparer.Ordinal);

    static ServerProtocolRegistry()
    {
        BuiltInServer.Register();
    }

    /// <summary>Registers (or replaces) a server protocol.</summary>
    public static void Register(string name, Func<ServiceMetadata, IServerProtocol> factory) => Factories[name] = factory;

    /// <summary>Whether a server protocol is registered.</summary>
    public static bool IsSupported(string name) => Factories.ContainsKey(name);

    /// <summary>Creates the named server protocol for a service.</summary>
    /// <exception cref="NotSupportedException">Not registered.</exception>
    public static IServerProtocol Create(string name, ServiceMetadata metadata) =>
        Factories.TryGetValue(name, out var f) ? f(metadata) : throw new NotSupportedException($"No server side for protocol '{name}'.");

    /// <summary>The server protocols a service's model lists, in its order, that are registered.</summary>
    public static IEnumerable<IServerProtocol> For(ServiceModel service)
    {
        ArgumentNullException.ThrowIfNull(service);
        foreach (var name in service.Metadata.Protocols)
        {
            if (Factories.TryGetValue(name, out var f))
            {
                yield return f(service.Metadata);
            }
        }
    }
}
