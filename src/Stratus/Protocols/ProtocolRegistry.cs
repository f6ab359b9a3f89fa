using System.Collections.Concurrent;
using Stratus.Models;

namespace Stratus.Protocols;

/// <summary>
/// The protocols the runtime speaks, by name. A model may list several (<c>protocols</c>); the first
/// one registered here wins, as in botocore.
/// </summary>
public static class ProtocolRegistry
{
    private static readonly ConcurrentDictionary<string, Func<ServiceMetadata, IWireProtocol>> Factories = new(StringComparer.Ordinal);

    static ProtocolRegistry()
    {
        BuiltIn.Register();
    }

    /// <summary>The names of the registered protocols.</summary>
    public static IEnumerable<string> Names => Factories.Keys;

    /// <summary>Registers (or replaces) a protocol.</summary>
    public static void Register(string name, Func<ServiceMetadata, IWireProtocol> factory) => Factories[name] = factory;

    /// <summary>Whether a protocol is registered.</summary>
    public static bool IsSupported(string name) => Factories.ContainsKey(name);

    /// <summary>Creates a named protocol for a service, whatever the service's model lists.</summary>
    /// <exception cref="NotSupportedException">The protocol is not registered.</exception>
    public static IWireProtocol Create(string name, ServiceMetadata metadata) =>
        Factories.TryGetValue(name, out var factory)
            ? factory(metadata)
            : throw new NotSupportedException($"Protocol '{name}' is not supported; Stratus supports {string.Join(", ", Factories.Keys.Order())}.");

    /// <summary>Chooses the protocol for a service: the first of its <c>protocols</c> that is registered.</summary>
    /// <exception cref="NotSupportedException">None of the service's protocols is supported.</exception>
    public static IWireProtocol For(ServiceModel service)
    {
        ArgumentNullException.ThrowIfNull(service);
        foreach (var name in service.Metadata.Protocols)
        {
            if (Factories.TryGetValue(name, out var factory))
            {
                return factory(service.Metadata);
            }
        }
        throw new NotSupportedException(
            $"Service '{service.Name}' speaks {string.Join(", ", service.Metadata.Protocols)}; Stratus supports {string.Join(", ", Factories.Keys.Order())}.");
    }
}
