using Stratus.Testing.Mock;

namespace Stratus.Cli.Tests;

/// <summary>The mock cloud on a loopback port, in the test process, for the stratus processes to call.</summary>
public sealed class MockCloudFixture : IAsyncLifetime
{
    private MockCloud? _cloud;
    private MockServer? _server;

    public string Endpoint { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _cloud = new MockCloud();
        _server = await _cloud.StartServerAsync();
        Endpoint = _server.Url.ToString().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }
}
