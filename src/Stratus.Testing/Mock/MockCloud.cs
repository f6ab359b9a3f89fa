using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

/// <summary>
/// A stateful mock of AWS, answering requests from the same service models the client uses, with the
/// protocol layer in reverse. Use it in-process (<see cref="CreateHandler"/>, no socket) or as a server on
/// a loopback port (<see cref="StartServerAsync"/>) that any AWS client can be pointed at. Thread-safe.
/// </summary>
public sealed partial class MockCloud : IAsyncDisposable
{
    private readonly ServiceRouter _router = new();
    private readonly object _saveGate = new();
    private readonly Dictionary<string, long> _savedVersions = new(StringComparer.Ordinal);

    /// <summary>Creates a mock cloud with the built-in services (or none, for a cloud you fill with <see cref="AddService"/>).</summary>
    public MockCloud(MockCloudOptions? options = null, bool builtInServices = true)
    {
        Options = options ?? new MockCloudOptions();
        Accounts = new MockAccounts(Options.Accounts);
        Blobs = new MockBlobStore(Options.StateDirectory is { } dir ? Path.Combine(dir, "blobs") : null);
        if (builtInServices)
        {
            BuiltInServices.AddTo(this);
        }
    }

    /// <summary>The options.</summary>
    public MockCloudOptions Options { get; }

    /// <summary>The access keys it accepts (STS adds temporary ones).</summary>
    public MockAccounts Accounts { get; }

    /// <summary>Where services keep large binary data.</summary>
    public MockBlobStore Blobs { get; }

    /// <summary>The names of the mocked services.</summary>
    public IEnumerable<string> Services => _router.Names;

    /// <summary>Adds (or replaces) a mocked service; its state is loaded from the state directory if saved there.</summary>
    public void AddService(IMockService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var model = Options.Models.LoadService(service.Name);
        _router.Add(service, model);
        if (service is IPersistentMockService persistent && StatePath(service.Name) is { } path && File.Exists(path))
        {
            persistent.LoadState(JsonNode.Parse(File.ReadAllBytes(path))!);
            _savedVersions[service.Name] = persistent.StateVersion;
        }
    }

    /// <summary>Gets a mocked service by name, to inspect or seed its state in tests.</summary>
    public T GetService<T>(string name) where T : class, IMockService =>
        _router.TryGet(name, out var service, out _) && service is T typed ? typed : throw new KeyNotFoundException($"No mocked service '{name}' of type {typeof(T).Name}.");

    /// <summary>An in-process transport: give it to a client (<see cref="ClientOptions.Transport"/>); no socket is opened.</summary>
    public HttpMessageHandler CreateHandler() => new MockHttpHandler(this);

    /// <summary>
    /// Client options for this cloud, in-process: the transport, an endpoint URL, the default account's
    /// credentials and a region. Pass them to <c>Aws.Connect</c>.
    /// </summary>
    public ClientOptions ClientOptions(string? region = null)
    {
        var account = Options.Accounts.Count > 0 ? Options.Accounts[0] : MockAccount.Default;
        return new ClientOptions
        {
            Region = region ?? Options.DefaultRegion,
            EndpointUrl = new Uri("http://mock.stratus.localhost"),
            Credentials = new AwsCredentials(account.AccessKeyId, account.SecretAccessKey, account.SessionToken),
            Transport = CreateHandler(),
        };
    }

    /// <summary>Starts a server on 127.0.0.1 (<paramref name="port"/> 0 picks a free port).</summary>
    public Task<MockServer> StartServerAsync(int port = 0, CancellationToken cancellationToken = default) =>
        MockServer.StartAsync(this, port, cancellationToken);

    private string? StatePath(string service) =>
        Options.StateDirectory is { } dir ? Path.Combine(dir, service + ".json") : null;

    // Saves a service's snapshot when it changed: written to a temporary file, flushed to disk, then renamed
    // over the old one, before the response is sent — so an acknowledged write survives a crash.
    private void SaveIfChanged(IMockService service)
    {
        if (service is not IPersistentMockService persistent || StatePath(service.Name) is not { } path)
        {
            return;
        }
        lock (_saveGate)
        {
            var version = persistent.StateVersion;
            if (_savedVersions.TryGetValue(service.Name, out var saved) && saved == version)
            {
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".tmp";
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var writer = new Utf8JsonWriter(file))
                {
                    persistent.SaveState().WriteTo(writer);
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            _savedVersions[service.Name] = version;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
