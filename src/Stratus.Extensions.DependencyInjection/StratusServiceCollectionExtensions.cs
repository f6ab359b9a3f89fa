using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stratus.Client;

namespace Stratus.Extensions.DependencyInjection;

/// <summary>Registers Stratus clients in a service collection.</summary>
public static class StratusServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IStratusClients"/> (a thread-safe singleton client per service) and, if given, a delegate that
    /// sets every client's options. Setups apply in the order they were added. Unless a setup set them, a client's
    /// <see cref="ClientOptions.Logger"/> comes from the container's <c>ILoggerFactory</c> (category <c>Stratus.{service}</c>)
    /// and, when the app registered <c>IHttpClientFactory</c> (<c>services.AddHttpClient()</c>), its
    /// <see cref="ClientOptions.Transport"/> is the handler of the named client <c>Stratus</c>
    /// (<c>services.AddHttpClient("Stratus")</c> configures it). A client keeps that handler for its lifetime.
    /// </summary>
    public static IServiceCollection AddStratus(this IServiceCollection services, Action<ClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<StratusClients>();
        services.TryAddSingleton<IStratusClients>(sp => sp.GetRequiredService<StratusClients>());
        if (configure is not null)
        {
            services.AddSingleton(StratusSetup.FromDelegate(configure));
        }
        return services;
    }

    /// <summary>
    /// Adds <see cref="IStratusClients"/> with every client's options read from <paramref name="configuration"/>
    /// (for example <c>builder.Configuration.GetSection("Stratus")</c>), by key: <c>Region</c>, <c>Profile</c>,
    /// <c>EndpointUrl</c>, <c>SignatureVersion</c>, <c>Protocol</c>, <c>ForcePathStyle</c>, <c>Unsigned</c>, <c>Timeout</c>,
    /// <c>Retry:Mode</c> (standard, adaptive), <c>Retry:MaxAttempts</c>, <c>Retry:BaseDelay</c>, <c>Retry:MaxBackoff</c>,
    /// <c>Connection:ConnectTimeout</c>, <c>Connection:ReadTimeout</c>, <c>Connection:IdleTimeout</c>,
    /// <c>Connection:MaxConnectionsPerServer</c>; and per service under <c>Services:{service}:</c> (for example
    /// <c>Services:s3:EndpointUrl</c>), which wins over the shared keys. Times are seconds or a TimeSpan.
    /// Values are read when a client is first made; a bad value fails then, naming its key.
    /// </summary>
    public static IServiceCollection AddStratus(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddStratus();
        services.AddSingleton(StratusSetup.FromConfiguration(configuration));
        return services;
    }

    /// <summary>
    /// Registers the client of <paramref name="service"/> (its model name, for example <c>s3</c>) as a keyed singleton
    /// <see cref="ServiceClient"/> with the key <paramref name="service"/> (<c>[FromKeyedServices("s3")] ServiceClient s3</c>),
    /// the same instance that <see cref="IStratusClients.Get"/> returns. <paramref name="configure"/>, if given, sets this
    /// service's options after the setups added with <c>AddStratus</c> (whenever those were added).
    /// </summary>
    public static IServiceCollection AddStratusClient(this IServiceCollection services, string service, Action<ClientOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        services.AddStratus();
        if (configure is not null)
        {
            services.AddSingleton(StratusSetup.FromDelegate(configure, service));
        }
        if (!services.Any(d => d.IsKeyedService && d.ServiceType == typeof(ServiceClient) && Equals(d.ServiceKey, service)))
        {
            // The container and StratusClients both dispose it; a second Dispose does nothing.
            services.AddKeyedSingleton(service, static (sp, key) => sp.GetRequiredService<StratusClients>().Get((string)key!));
        }
        return services;
    }
}
