using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Azure;
using Stratus.Client;

namespace Stratus.Tests.Azure;

/// <summary>
/// The blob model, the binding's signer and Azure's error format over canned HTTP answers (a stand-in server at
/// the transport, no emulator): what goes on the wire and how Azure's documents read back.
/// </summary>
public sealed class AzureWireTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static ServiceClient Client(Func<HttpRequestMessage, HttpResponseMessage> answer, AzureStorageAccount? account = null) =>
        AzureCloud.ConnectBlob(account ?? new AzureStorageAccount("acct", new Uri("https://acct.blob.core.windows.net"), Key),
            new ClientOptions { Transport = new Answering(answer), Retry = { MaxAttempts = 1 } });

    private static HttpResponseMessage Xml(HttpStatusCode status, string xml, string requestId = "req-1")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
        response.Headers.TryAddWithoutValidation("x-ms-request-id", requestId);
        return response;
    }

    [Fact]
    public void ListBlobsReadsHierarchyElementKeyedMetadataAndStopsAtTheEmptyNextMarker()
    {
        var requests = new List<string>();
        using var blob = Client(request =>
        {
            requests.Add(request.RequestUri!.PathAndQuery);
            var first = !request.RequestUri.Query.Contains("marker=", StringComparison.Ordinal);
            return Xml(HttpStatusCode.OK, first
                ? """
                  <?xml version="1.0" encoding="utf-8"?>
                  <EnumerationResults ServiceEndpoint="https://acct.blob.core.windows.net/" ContainerName="box">
                    <MaxResults>2</MaxResults><Delimiter>/</Delimiter>
                    <Blobs>
                      <Blob><Name>a.txt</Name><Properties><Last-Modified>Fri, 27 Nov 2026 09:00:00 GMT</Last-Modified><Etag>0x8D1</Etag><Content-Length>12</Content-Length><Content-Type>text/plain</Content-Type><BlobType>BlockBlob</BlobType></Properties><Metadata><color>red</color><Size>L</Size></Metadata></Blob>
                      <BlobPrefix><Name>dir/</Name></BlobPrefix>
                    </Blobs>
                    <NextMarker>2!opaque</NextMarker>
                  </EnumerationResults>
                  """
                : """
                  <?xml version="1.0" encoding="utf-8"?>
                  <EnumerationResults ServiceEndpoint="https://acct.blob.core.windows.net/" ContainerName="box">
                    <Marker>2!opaque</Marker><MaxResults>2</MaxResults>
                    <Blobs><Blob><Name>z</Name><Properties><Content-Length>0</Content-Length></Properties><Metadata /></Blob></Blobs>
                    <NextMarker />
                  </EnumerationResults>
                  """);
        });

        var pages = blob.Paginate("ListBlobs", new JsonObject { ["Container"] = "box", ["Delimiter"] = "/", ["MaxResults"] = 2, ["Include"] = "metadata" }).ToList();

        Assert.Equal(2, pages.Count);
        Assert.Equal(2, requests.Count);
        Assert.Equal("/box?restype=container&comp=list&delimiter=%2F&maxresults=2&include=metadata", requests[0]);
        Assert.Contains("marker=2%21opaque", requests[1], StringComparison.Ordinal);
        var a = pages[0]["Blobs"]!["BlobItems"]![0]!;
        Assert.Equal("a.txt", (string?)a["Name"]);
        Assert.Equal(12L, (long)a["Properties"]!["ContentLength"]!);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), a["Properties"]!["LastModified"]!.GetValue<DateTimeOffset>());
        Assert.Equal("red", (string?)a["Metadata"]!["color"]);
        Assert.Equal("L", (string?)a["Metadata"]!["Size"]);
        Assert.Equal("dir/", (string?)pages[0]["Blobs"]!["BlobPrefixes"]![0]!["Name"]);
        Assert.Empty(pages[1]["Blobs"]!["BlobItems"]![0]!["Metadata"]!.AsObject());
        Assert.Equal("box", (string?)pages[0]["ContainerName"]);
    }

    [Fact]
    public async Task PutBlockListSendsTheLatestIdsAsXmlAndTheRequestIsSharedKeySigned()
    {
        string? body = null;
        HttpRequestMessage? seen = null;
        using var blob = Client(request =>
        {
            seen = request;
            body = request.Content!.ReadAsStringAsync().Result;
            return new HttpResponseMessage(HttpStatusCode.Created);
        });

        await blob.CallAsync("PutBlockList", new JsonObject
        {
            ["Container"] = "box",
            ["Blob"] = "a/b c",
            ["BlockList"] = new JsonObject { ["Latest"] = new JsonArray("MDAw", "MDAx") },
            ["Metadata"] = new JsonObject { ["k"] = "v" },
        });

        Assert.Equal("<BlockList><Latest>MDAw</Latest><Latest>MDAx</Latest></BlockList>", body);
        Assert.Equal("/box/a/b%20c?comp=blocklist", seen!.RequestUri!.PathAndQuery);
        Assert.StartsWith("SharedKey acct:", seen.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.Equal(AzureCloud.BlobApiVersion, seen.Headers.GetValues("x-ms-version").Single());
        Assert.Equal("v", seen.Headers.GetValues("x-ms-meta-k").Single());
        Assert.True(seen.Headers.Contains("x-ms-date"));
    }

    [Fact]
    public void ASasClientSendsTheTokenInTheQueryAndNoAuthorization()
    {
        HttpRequestMessage? seen = null;
        using var blob = Client(request =>
        {
            seen = request;
            return Xml(HttpStatusCode.OK, "<EnumerationResults><Containers /><NextMarker /></EnumerationResults>");
        }, new AzureStorageAccount("acct", new Uri("https://acct.blob.core.windows.net"), sasToken: "?sv=2023-11-03&ss=b&srt=sco&sp=rl&se=2030-01-01T00%3A00%3A00Z&sig=abc%3D"));

        var result = blob.Call("ListContainers", new JsonObject { ["Prefix"] = "x y" });

        Assert.Empty(result["Containers"]!.AsArray());
        Assert.Equal("/?comp=list&prefix=x%20y&sv=2023-11-03&ss=b&srt=sco&sp=rl&se=2030-01-01T00%3A00%3A00Z&sig=abc%3D", seen!.RequestUri!.PathAndQuery);
        Assert.False(seen.Headers.Contains("Authorization"));
    }

    [Fact]
    public async Task ErrorsReadAzuresBodyOrTheErrorCodeHeaderWithTheRequestId()
    {
        using var blob = Client(request =>
        {
            if (request.Method == HttpMethod.Head)
            {
                var head = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent([]) };
                head.Headers.TryAddWithoutValidation("x-ms-error-code", "ContainerNotFound");
                head.Headers.TryAddWithoutValidation("x-ms-request-id", "req-head");
                return head;
            }
            if (request.RequestUri!.Query.Contains("comp=list", StringComparison.Ordinal))
            {
                return Xml(HttpStatusCode.Forbidden, """
                    <?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationFailure</Code><Message>Server failed to authenticate the request.
                    RequestId:req-2</Message><AuthenticationErrorDetail>The MAC signature found in the HTTP request is not the same as any computed signature.</AuthenticationErrorDetail></Error>
                    """, "req-2");
            }
            return new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy</html>") };
        });

        var denied = await Assert.ThrowsAsync<ServiceException>(() => blob.CallAsync("ListContainers"));
        Assert.Equal(403, denied.StatusCode);
        Assert.Equal("AuthorizationFailure", denied.ErrorCode);
        Assert.StartsWith("Server failed to authenticate", denied.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("req-2", denied.RequestId);
        Assert.Contains("MAC signature", (string?)denied.Error["AuthenticationErrorDetail"], StringComparison.Ordinal);

        var head = Assert.Throws<ServiceException>(() => blob.Call("GetContainerProperties", new JsonObject { ["Container"] = "nope" }));
        Assert.Equal(404, head.StatusCode);
        Assert.Equal("ContainerNotFound", head.ErrorCode);
        Assert.Equal("req-head", head.RequestId);

        // Neither Azure's body nor its header: the protocol's own reading (the status) stands.
        var proxy = await Assert.ThrowsAsync<ServiceException>(() => blob.CallAsync("DeleteBlob", new JsonObject { ["Container"] = "box", ["Blob"] = "b" }));
        Assert.Equal(502, proxy.StatusCode);
    }

    [Fact]
    public async Task TheWireLogShowsNeitherTheSharedKeySignatureNorASasTokenInTheUrlOrACopySource()
    {
        var logger = new Stratus.Tests.TestSupport.ListLogger();
        var account = new AzureStorageAccount("acct", new Uri("https://acct.blob.core.windows.net"), sasToken: "sv=2023-11-03&sp=rw&sig=SECRETSIG%3D");
        using var blob = AzureCloud.ConnectBlob(account, new ClientOptions
        {
            Transport = new Answering(_ => new HttpResponseMessage(HttpStatusCode.Accepted)),
            Logger = logger,
        });
        await blob.CallAsync("CopyBlob", new JsonObject
        {
            ["Container"] = "box",
            ["Blob"] = "to",
            ["CopySource"] = "https://acct.blob.core.windows.net/box/from?sv=2023-11-03&sig=OTHERSIG%3D",
        });
        using var keyed = AzureCloud.ConnectBlob(new AzureStorageAccount("acct", new Uri("https://acct.blob.core.windows.net"), Key), new ClientOptions
        {
            Transport = new Answering(_ => Xml(HttpStatusCode.OK, "<EnumerationResults><NextMarker /></EnumerationResults>")),
            Logger = logger,
        });
        await keyed.CallAsync("ListContainers");

        var log = string.Join("\n", logger.Lines);
        Assert.Contains("x-ms-copy-source", log, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Authorization: ***", log, StringComparison.Ordinal);
        Assert.Contains("sig=***", log, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETSIG", log, StringComparison.Ordinal);
        Assert.DoesNotContain("OTHERSIG", log, StringComparison.Ordinal);
        Assert.DoesNotContain("SharedKey acct:", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, log, StringComparison.Ordinal);
    }

    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }
}
