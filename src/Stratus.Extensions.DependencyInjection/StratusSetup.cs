using Microsoft.Extensions.Configuration;
using Stratus.Client;

namespace Stratus.Extensions.DependencyInjection;

/// <summary>One registered piece of client setup: a configuration section, or a delegate for all services or one.</summary>
internal sealed class StratusSetup
{
    private readonly IConfiguration? _configuration;
    private readonly Action<ClientOptions>? _configure;
    private readonly string? _service;

    private StratusSetup(IConfiguration? configuration, Action<ClientOptions>? configure, string? service)
    {
        _configuration = configuration;
        _configure = configure;
        _service = service;
    }

    public static StratusSetup FromConfiguration(IConfiguration configuration) => new(configuration, null, null);

    public static StratusSetup FromDelegate(Action<ClientOptions> configure, string? service = null) => new(null, configure, service);

    /// <summary>Whether it is one service's (<c>AddStratusClient</c>'s delegate), applied after all the shared setups.</summary>
    public bool IsPerService => _service is not null;

    public void Apply(ClientOptions options, string service)
    {
        if (_service is not null && !string.Equals(_service, service, StringComparison.Ordinal))
        {
            return;
        }
        if (_configuration is not null)
        {
            StratusConfiguration.Apply(_configuration, options);
            StratusConfiguration.Apply(_configuration.GetSection("Services").GetSection(service), options);
        }
        _configure?.Invoke(options);
    }
}
