using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Providers;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Providers;

/// <summary>
/// The runtime's provider hooks, through a minimal provider: a two-operation rest-json description held in memory, a
/// token signer that logs in lazily, refreshes on 401, and reads errors its own way. The transport stands in for the server.
/// </summary>
public sealed class ProviderHooksTests
{
    private const string Model = """
    {
      "version": "2.0",
      "metadata": { "apiVersion": "2026-01-01", "protocol": "rest-json", "serviceId": "Notes", "signingName": "notes", "endpointPrefix": "notes" },
      "operations": {
        "GetNote": { "name": "GetNote", "http": { "method": "GET", "requestUri": "/notes/{Id}" },
                     "input": { "shape": "GetNoteInput" }, "output": { "shape": "Note" } },
        "PutNote": { "name": "PutNote", "http": { "method": "PUT", "requestUri": "/notes/{Id}" },
                     "input": { "shape": "Note" }, "output": { "shape": "Note" } }
      },
      "shapes": {
        "GetNoteInput": { "type": "structure", "required": ["Id"], "members": { "Id": { "shape": "Text", "location": "uri", "locationName": "Id" } } },
        "Note": { "type": "structure", "required": ["Id"], "members": {
          "Id": { "shape": "Text", "location": "uri", "locationName": "Id" },
          "Body": { "shape": "Text" },
          "Tag": { "shape": "Text", "location": "header", "locationName": "X-Note-Tag" } } },
        "Text": { "type": "string" }
      }
    }
    """;

    private sealed class NotesProvider(NotesBinding binding) : CloudProvider
    {
        public override string Name => "notes-test";

        public override ModelLoader Models { get; } = new([new ServiceSource("notes", "2026-01-01", () => new MemoryStream(Encoding.UTF8.GetBytes(Model)))]);

        public override ProviderBinding Bind(ServiceModel service, ClientOptions options) => binding;
    }

    private sealed class NotesBinding : ProviderBinding
    {
        public int Logins;
        public int Refreshes;
        private string? _token;

        public override ValueTask<Uri> ResolveEndpointAsync(bool async, CancellationToken cancellationToken)
        {
            _token ??= "token-" + Interlocked.Increment(ref Logins);
            return new(new Uri("https://notes.example/v1/account-" + Logins));
        }

        public override ValueTask SignAsync(HttpRequestMessage request, SigningContext context, bool async, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", _token);
            request.Headers.TryAddWithoutValidation("X-Op", context.Operation.Name);
            return default;
        }

        public override ValueTask<bool> RefreshAsync(bool async, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Refreshes);
            _token = null;
            return new(true);
        }

        public override ParsedError? ReadError(OperationModel operation, RawResponse response) =>
            new(response.StatusCode == 404 ? "NotFound" : "Http" + response.StatusCode, Encoding.UTF8.GetString(response.Body.Span).Trim(), [], null);

        public override string? RequestId(RawResponse response) => response.Header("X-Trans-Id");
    }

    private static (ServiceClient Client, NotesBinding Binding) Connect(RecordingHandler handler)
    {
        var binding = new NotesBinding();
        var client = new ServiceClient("notes", new ClientOptions { Provider = new NotesProvider(binding), Transport = handler });
        return (client, binding);
    }

    [Fact]
    public async Task A_provider_client_takes_its_model_endpoint_and_signer_from_the_provider()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, """{"Body":"hello"}""", "application/json", ("X-Note-Tag", "t1"), ("X-Trans-Id", "tx123"));
        var (client, binding) = Connect(handler);
        using (client)
        {
            var result = await client.CallAsync("GetNote", new JsonObject { ["Id"] = "n 1" });
            Assert.Equal("hello", (string)result["Body"]!);
            Assert.Equal("t1", (string)result["Tag"]!);
            Assert.Equal("tx123", (string)result["ResponseMetadata"]!["RequestId"]!);
            var sent = handler.Requests.Single().Request;
            Assert.Equal("https://notes.example/v1/account-1/notes/n%201", sent.RequestUri!.AbsoluteUri);
            Assert.Equal("token-1", sent.Headers.GetValues("X-Auth-Token").Single());
            Assert.Equal("GetNote", sent.Headers.GetValues("X-Op").Single());
            Assert.False(sent.Headers.Contains("Authorization"));
            Assert.Equal(1, binding.Logins);
            Assert.Equal("notes", client.Model.Name);
            Assert.Equal(new Uri("https://notes.example/v1/account-1"), client.Endpoint);
        }
    }

    [Fact]
    public void A_401_makes_the_binding_refresh_and_the_request_go_again_once()
    {
        var handler = new RecordingHandler()
            .Respond(HttpStatusCode.Unauthorized, "expired", "text/plain")
            .Respond(HttpStatusCode.OK, """{"Body":"again"}""", "application/json");
        var (client, binding) = Connect(handler);
        using (client)
        {
            // The synchronous path runs the same hooks.
            var result = client.Call("PutNote", new JsonObject { ["Id"] = "a", ["Body"] = "again" });
            Assert.Equal("again", (string)result["Body"]!);
            Assert.Equal(1, binding.Refreshes);
            Assert.Equal(["token-1", "token-2"], handler.Requests.Select(r => r.Request.Headers.GetValues("X-Auth-Token").Single()));
            Assert.Equal("https://notes.example/v1/account-2/notes/a", handler.Requests[1].Request.RequestUri!.AbsoluteUri);
            Assert.Equal("""{"Body":"again"}""", Encoding.UTF8.GetString(handler.Requests[1].Body));
        }
    }

    [Fact]
    public async Task Errors_are_read_by_the_binding_and_a_second_401_is_not_retried_again()
    {
        var handler = new RecordingHandler()
            .Respond(HttpStatusCode.NotFound, "<html>Not Found</html>", "text/html", ("X-Trans-Id", "tx404"))
            .Respond(HttpStatusCode.Unauthorized, "no", "text/plain")
            .Respond(HttpStatusCode.Unauthorized, "still no", "text/plain");
        var (client, binding) = Connect(handler);
        using (client)
        {
            var missing = await Assert.ThrowsAsync<ServiceException>(() => client.CallAsync("GetNote", new JsonObject { ["Id"] = "x" }));
            Assert.Equal(("NotFound", 404, "<html>Not Found</html>", "tx404", "notes", "GetNote"),
                (missing.ErrorCode, missing.StatusCode, missing.ErrorMessage, missing.RequestId, missing.Service, missing.Operation));
            var refused = await Assert.ThrowsAsync<ServiceException>(() => client.CallAsync("GetNote", new JsonObject { ["Id"] = "x" }));
            Assert.Equal(("Http401", "still no"), (refused.ErrorCode, refused.ErrorMessage));
            Assert.Equal(1, binding.Refreshes);
            Assert.Equal(3, handler.Requests.Count);
        }
    }

    [Fact]
    public async Task Input_is_still_checked_against_the_providers_model_before_anything_is_sent()
    {
        var handler = new RecordingHandler();
        var (client, binding) = Connect(handler);
        using (client)
        {
            var e = await Assert.ThrowsAsync<ClientException>(() => client.CallAsync("GetNote", new JsonObject { ["Nope"] = 1 }));
            Assert.Contains("GetNote", e.Message, StringComparison.Ordinal);
            Assert.Empty(handler.Requests);
            Assert.Equal(0, binding.Logins);
        }
    }

    [Fact]
    public void Connecting_by_provider_name_uses_the_registry_and_names_the_registered_ones_when_missing()
    {
        CloudProviders.Register(new NotesProvider(new NotesBinding()));
        using var client = CloudProviders.Connect("NOTES-TEST", "notes", new ClientOptions { Transport = new RecordingHandler() });
        Assert.Equal("notes", client.Model.Name);
        var e = Assert.Throws<ClientException>(() => CloudProviders.Connect("nowhere", "notes"));
        Assert.Contains("notes-test", e.Message, StringComparison.Ordinal);
    }
}
