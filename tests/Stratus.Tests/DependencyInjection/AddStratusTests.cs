using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stratus.Client;
using Stratus.Extensions.DependencyInjection;
using Stratus.Pipeline;
using Stratus.Testing.Mock;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.DependencyInjection;

public sealed class AddStratusTests
{
    private readonly MockCloud _cloud = new();

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    // The mock cloud's credentials and in-process transport, as a configure delegate.
    private Action<ClientOptions> Mock() => o =>
    {
        var mock = _cloud.ClientOptions();
        o.Credentials = mock.Credentials;
        o.Transport = mock.Transport;
    };

    [Fact]
    public async Task Configuration_sets_the_options_and_a_service_section_wins()
    {
        var configuration = Configuration(
            ("Stratus:Region", "eu-west-2"),
            ("Stratus:EndpointUrl", "http://mock.stratus.localhost"),
            ("Stratus:Profile", "dev"),
            ("Stratus:Retry:Mode", "adaptive"),
            ("Stratus:Retry:MaxAttempts", "5"),
            ("Stratus:Timeout", "30"),
            ("Stratus:Connection:ConnectTimeout", "00:00:02"),
            ("Stratus:Connection:ReadTimeout", "7.5"),
            ("Stratus:Services:dynamodb:Region", "us-west-1"),
            ("Stratus:Services:s3:EndpointUrl", "http://s3.mock.localhost"));
        var services = new ServiceCollection();
        services.AddStratus(configuration.GetSection("Stratus"));
        services.AddStratusClient("dynamodb", Mock());
        await using var provider = services.BuildServiceProvider();

        var ddb = provider.GetRequiredKeyedService<ServiceClient>("dynamodb");
        Assert.Same(ddb, provider.GetRequiredKeyedService<ServiceClient>("dynamodb"));
        Assert.Same(ddb, provider.GetRequiredService<IStratusClients>().Get("dynamodb"));
        Assert.Equal("us-west-1", ddb.Region);
        Assert.Equal(new Uri("http://mock.stratus.localhost"), ddb.Endpoint);
        await ddb.CallAsync("ListTables");

        var clients = provider.GetRequiredService<StratusClients>();
        var options = clients.OptionsFor("dynamodb");
        Assert.Equal("dev", options.Profile);
        Assert.Equal(RetryMode.Adaptive, options.Retry.Mode);
        Assert.Equal(5, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Connection.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7.5), options.Connection.ReadTimeout);
        var s3 = clients.OptionsFor("s3");
        Assert.Equal("eu-west-2", s3.Region);
        Assert.Equal(new Uri("http://s3.mock.localhost"), s3.EndpointUrl);
        Assert.Null(s3.Transport); // dynamodb's delegate is dynamodb's alone
    }

    [Fact]
    public async Task The_retry_settings_take_effect()
    {
        var configuration = Configuration(("Region", "us-east-1"), ("EndpointUrl", "http://mock.stratus.localhost"), ("Retry:MaxAttempts", "2"), ("Retry:BaseDelay", "0.001"));
        var failing = new FuncHandler((_, _) => throw new HttpRequestException("refused (test)"));
        var services = new ServiceCollection();
        services.AddStratusClient("dynamodb", o =>
        {
            Mock()(o);
            o.Transport = failing;
        });
        services.AddStratus(configuration);
        await using var provider = services.BuildServiceProvider();
        var ddb = provider.GetRequiredKeyedService<ServiceClient>("dynamodb");
        var e = await Assert.ThrowsAsync<ClientException>(() => ddb.CallAsync("ListTables"));
        Assert.Equal(ClientErrorKind.Transport, e.Kind);
        Assert.Equal(2, failing.Count);
    }

    [Fact]
    public void A_bad_value_fails_naming_its_key()
    {
        var services = new ServiceCollection();
        services.AddStratus(Configuration(("Stratus:Region", "us-east-1"), ("Stratus:Retry:Mode", "sometimes")).GetSection("Stratus"));
        using var provider = services.BuildServiceProvider();
        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStratusClients>().Get("dynamodb"));
        Assert.Contains("Stratus:Retry:Mode", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_logger_comes_from_the_container()
    {
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddStratus(o => o.Region = "us-east-1");
        services.AddStratusClient("dynamodb", o =>
        {
            Mock()(o);
            o.EndpointUrl = new Uri("http://mock.stratus.localhost");
        });
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredKeyedService<ServiceClient>("dynamodb").CallAsync("ListTables");
        var lines = logs.Lines("Stratus.dynamodb");
        Assert.Contains(lines, l => l.Contains("ListTables attempt 1: 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_transport_is_the_http_client_factorys_named_handler_unless_one_was_set()
    {
        var handlers = 0;
        var services = new ServiceCollection();
        services.AddHttpClient("Stratus").ConfigurePrimaryHttpMessageHandler(() =>
        {
            Interlocked.Increment(ref handlers);
            return _cloud.CreateHandler();
        });
        services.AddStratus(o =>
        {
            o.Region = "us-east-1";
            o.EndpointUrl = new Uri("http://mock.stratus.localhost");
            o.Credentials = _cloud.ClientOptions().Credentials;
        });
        services.AddStratusClient("dynamodb");
        var own = new FuncHandler((_, _) => FuncHandler.Answer(System.Net.HttpStatusCode.OK, "{\"TableNames\":[\"own\"]}"));
        services.AddStratusClient("sqs", o => o.Transport = own);
        await using var provider = services.BuildServiceProvider();

        var tables = await provider.GetRequiredKeyedService<ServiceClient>("dynamodb").CallAsync("ListTables");
        Assert.NotNull(tables["TableNames"]);
        Assert.Equal(1, handlers);
        Assert.Same(own, provider.GetRequiredService<StratusClients>().OptionsFor("sqs").Transport);
    }

    [Fact]
    public async Task Clients_are_thread_safe_singletons()
    {
        var services = new ServiceCollection();
        services.AddStratus(o =>
        {
            Mock()(o);
            o.Region = "us-east-1";
            o.EndpointUrl = new Uri("http://mock.stratus.localhost");
        });
        await using var provider = services.BuildServiceProvider();
        var clients = provider.GetRequiredService<IStratusClients>();
        var got = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var c = clients.Get("dynamodb");
            await c.CallAsync("ListTables");
            return c;
        })));
        Assert.All(got, c => Assert.Same(got[0], c));
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly Dictionary<string, ListLogger> _loggers = [];

        public ILogger CreateLogger(string categoryName)
        {
            lock (_loggers)
            {
                return _loggers.TryGetValue(categoryName, out var logger) ? logger : _loggers[categoryName] = new ListLogger();
            }
        }

        public List<string> Lines(string category)
        {
            lock (_loggers)
            {
                return _loggers.TryGetValue(category, out var logger) ? [.. logger.Lines] : [];
            }
        }

        public void Dispose()
        {
        }
    }
}
