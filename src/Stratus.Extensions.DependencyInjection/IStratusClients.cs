using Stratus.Client;

namespace Stratus.Extensions.DependencyInjection;

/// <summary>
/// The container's Stratus clients, one thread-safe singleton per service, made with the options that
/// <see cref="StratusServiceCollectionExtensions.AddStratus(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ClientOptions}?)"/>
/// and <see cref="StratusServiceCollectionExtensions.AddStratusClient"/> set. A service registered with
/// <c>AddStratusClient</c> is also a keyed service: <c>[FromKeyedServices("s3")] ServiceClient s3</c> is the same instance.
/// </summary>
public interface IStratusClients
{
    /// <summary>The client for <paramref name="service"/> (its model name, for example <c>s3</c>), made on first use.</summary>
    /// <exception cref="ClientException">The service is unknown, or no region is known.</exception>
    ServiceClient Get(string service);
}
