using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stratus.Client;

namespace Stratus.Extensions.DependencyInjection;

/// <summary>Makes each service's client once, from the registered setups, and disposes them with the container.</summary>
internal sealed class StratusClients(IServiceProvider provider, IEnumerable<StratusSetup> setups) : IStratusClients, IDisposable
{
    /// <summary>The named <c>HttpClient</c> whose handler the clients use when the app registered <c>IHttpClientFactory</c>.</summary>
    internal const string HttpClientName = "Stratus";

    private readonly StratusSetup[] _setups = setups.ToArray();
    private readonly ConcurrentDictionary<string, Lazy<ServiceClient>> _clients = new(StringComparer.Ordinal);

    public ServiceClient Get(string service)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        var lazy = _clients.GetOrAdd(service, s => new Lazy<ServiceClient>(() => Create(s), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed creation (say, no region yet) is not cached: the next call tries again.
            _clients.TryRemove(new KeyValuePair<string, Lazy<ServiceClient>>(service, lazy));
            throw;
        }
    }

    /// <summary>The options for a service: the setups in registration order (all services', then this service's), then what the container offers.</summary>
    internal ClientOptions OptionsFor(string service)
    {
        var options = new ClientOptions();
        foreach (var setup in _setups.Where(s => !s.IsPerService))
        {
            setup.Apply(options, service);
        }
        foreach (var setup in _setups.Where(s => s.IsPerService))
        {
            setup.Apply(options, service);
        }
        if (options.Logger is null && provider.GetService<ILoggerFactory>() is { } loggers)
        {
            options.Logger = loggers.CreateLogger("Stratus." + service);
        }
        if (options.Transport is null && provider.GetService<IHttpMessageHandlerFactory>() is { } handlers)
        {
            options.Transport = handlers.CreateHandler(HttpClientName);
        }
        return options;
    }

    private ServiceClient Create(string service) => new(service, OptionsFor(service));

    public void Dispose()
    {
        foreach (var lazy in _clients.Values)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Dispose();
            }
        }
    }
}
