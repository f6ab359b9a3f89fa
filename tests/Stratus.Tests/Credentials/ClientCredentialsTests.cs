using System.Net;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Credentials;

/// <summary>How a client gets its credentials: lazily, on the call's path, through the cache.</summary>
[Collection("Environment")]
public sealed class ClientCredentialsTests
{
    private const string TestProtocol = "stratus-test-empty";

    static ClientCredentialsTests() => ProtocolRegistry.Register(TestProtocol, _ => new EmptyProtocol());

    private static ServiceClient Connect(RecordingHandler handler, Action<ClientOptions>? configure = null)
    {
        var options = new ClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = new Uri("https://example.test"),
            Protocol = TestProtocol,
            Transport = handler,
        };
        configure?.Invoke(options);
        return Aws.Connect("dynamodb", options);
    }

    // Read raw: the typed Headers.Authorization does not parse a SigV4 value (its SignedHeaders list has ';').
    private static string? Authorization(RecordingHandler handler) =>
        handler.Requests.Last().Request.Headers.NonValidated.TryGetValues("Authorization", out var values) ? values.ToString() : null;

    [Fact]
    public async Task TheConstructorResolvesNothingAndTheFirstCallDoes()
    {
        using var env = new CredentialsEnvironment();
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, "{}");
        using var client = Connect(handler);
        // Set only after the client exists: it must not have looked yet.
        env.Set("AWS_ACCESS_KEY_ID", "AKIDLATE").Set("AWS_SECRET_ACCESS_KEY", "SECRETLATE");
        await client.CallAsync("ListTables");
        Assert.Contains("Credential=AKIDLATE/", Authorization(handler), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnsignedClientNeedsNoCredentials()
    {
        using var env = new CredentialsEnvironment();
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, "{}");
        using var client = Connect(handler, o => o.Unsigned = true);
        await client.CallAsync("ListTables");
        Assert.Null(Authorization(handler));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NoCredentialsFailsTheCallNamingItAndEverySource(bool async)
    {
        using var env = new CredentialsEnvironment();
        var handler = new RecordingHandler();
        using var client = Connect(handler);
        var e = async
            ? await Assert.ThrowsAsync<ClientException>(() => client.CallAsync("ListTables"))
            : Assert.Throws<ClientException>(() => client.Call("ListTables"));
        Assert.Equal(ClientErrorKind.Credentials, e.Kind);
        Assert.Equal("dynamodb", e.Service);
        Assert.Equal("ListTables", e.Operation);
        Assert.StartsWith("dynamodb.ListTables: No AWS credentials found", e.Message, StringComparison.Ordinal);
        Assert.Contains("environment: AWS_ACCESS_KEY_ID not set", e.Message, StringComparison.Ordinal);
        Assert.Contains("instance metadata: disabled", e.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task AProviderIsAskedOnTheCallsPathAndCached()
    {
        using var env = new CredentialsEnvironment();
        var provider = new CountingProvider();
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, "{}").Respond(HttpStatusCode.OK, "{}").Respond(HttpStatusCode.OK, "{}");
        using var client = Connect(handler, o => o.CredentialsProvider = provider);
        client.Call("ListTables");
        await client.CallAsync("ListTables");
        Assert.Equal([false], provider.Calls);
        Assert.Contains("Credential=AKIDPROVIDER/", Authorization(handler), StringComparison.Ordinal);

        using var other = Connect(handler, o => o.CredentialsProvider = new CountingProvider());
        await other.CallAsync("ListTables");
        Assert.Equal([false], provider.Calls);
    }

    [Fact]
    public async Task FixedCredentialsComeFirst()
    {
        using var env = new CredentialsEnvironment();
        var provider = new CountingProvider();
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, "{}");
        using var client = Connect(handler, o =>
        {
            o.Credentials = new AwsCredentials("AKIDFIXED", "SECRETFIXED");
            o.CredentialsProvider = provider;
        });
        await client.CallAsync("ListTables");
        Assert.Contains("Credential=AKIDFIXED/", Authorization(handler), StringComparison.Ordinal);
        Assert.Empty(provider.Calls);
    }

    [Fact]
    public async Task TheProfileOptionChoosesCredentialsAndRegion()
    {
        using var env = new CredentialsEnvironment();
        env.Write("credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = SECRETDEV\n");
        env.Write("config", "[default]\nregion = eu-central-1\n[profile dev]\nregion = ap-northeast-1\n");
        env.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", "SECRETENV");
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, "{}");
        using var client = Connect(handler, o =>
        {
            o.Region = null;
            o.Profile = "dev";
        });
        Assert.Equal("ap-northeast-1", client.Region);
        await client.CallAsync("ListTables");
        Assert.Contains("Credential=AKIDDEV/", Authorization(handler), StringComparison.Ordinal);
        Assert.Contains("/ap-northeast-1/", Authorization(handler), StringComparison.Ordinal);

        using var byDefault = Connect(handler, o => o.Region = null);
        Assert.Equal("eu-central-1", byDefault.Region);
        env.Set("AWS_REGION", "us-west-1");
        using var byEnvironment = Connect(handler, o => o.Region = null);
        Assert.Equal("us-west-1", byEnvironment.Region);
    }

    /// <summary>A user-written provider that records each call's path (true: async).</summary>
    private sealed class CountingProvider : CredentialsProvider
    {
        public List<bool> Calls { get; } = [];

        public override string Name => "counting";

        protected internal override ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
        {
            Calls.Add(async);
            return new(CredentialsResult.Success(new AwsCredentials("AKIDPROVIDER", "SECRETPROVIDER")));
        }
    }

    /// <summary>A protocol with an empty body both ways, so these tests need no real protocol.</summary>
    private sealed class EmptyProtocol : IWireProtocol
    {
        public string Name => TestProtocol;

        public SerializedRequest SerializeRequest(OperationModel operation, JsonObject input) => new() { Method = "POST", Path = "/", Body = "{}"u8.ToArray() };

        public JsonObject ParseResponse(OperationModel operation, RawResponse response) => [];

        public ParsedError ParseError(OperationModel operation, RawResponse response) => new("Error", null, [], null);
    }
}
