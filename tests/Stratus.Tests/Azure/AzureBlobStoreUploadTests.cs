using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Stratus.Azure;
using Stratus.Azure.Storage;
using Stratus.Client;
using Stratus.Storage;

namespace Stratus.Tests.Azure;

/// <summary>How the store uploads, seen at the transport (canned answers stand in for the service).</summary>
public sealed class AzureBlobStoreUploadTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static AzureBlobStore Store(Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        new(new AzureStorageAccount("acct", new Uri("https://acct.blob.core.windows.net"), Key),
            new ClientOptions { Transport = new Answering(answer), Retry = { MaxAttempts = 1 } });

    private static string Query(HttpRequestMessage request, string name) =>
        System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)[name] ?? "";

    [Fact]
    public async Task UnknownLengthContentGoesUpAsFixedWidthBlocksCommittedInOrder()
    {
        var blocks = new ConcurrentDictionary<string, int>();
        string? blockList = null;
        using var store = Store(request =>
        {
            switch (Query(request, "comp"))
            {
                case "block":
                    blocks[Query(request, "blockid")] = (int)request.Content!.Headers.ContentLength!.Value;
                    return new HttpResponseMessage(HttpStatusCode.Created);
                case "blocklist":
                    blockList = request.Content!.ReadAsStringAsync().Result;
                    return new HttpResponseMessage(HttpStatusCode.Created);
                default:
                    throw new InvalidOperationException(request.RequestUri!.ToString());
            }
        });

        var info = await store.PutAsync("box", "k", new ForwardOnly(new byte[25]), new PutOptions { PartSize = 10, Concurrency = 2 });

        Assert.Equal(25, info.Size);
        var ids = Enumerable.Range(0, 3).Select(i => Convert.ToBase64String(Encoding.ASCII.GetBytes(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
        Assert.Equal([10, 10, 5], ids.Select(id => blocks[id]));
        Assert.All(blocks.Keys, id => Assert.Equal(ids[0].Length, id.Length));
        Assert.Equal($"<BlockList><Latest>{ids[0]}</Latest><Latest>{ids[1]}</Latest><Latest>{ids[2]}</Latest></BlockList>", blockList);
    }

    [Fact]
    public async Task SmallUnknownLengthContentIsOnePutBlobWithItsLengthAndType()
    {
        HttpRequestMessage? seen = null;
        using var store = Store(request =>
        {
            seen = request;
            return new HttpResponseMessage(HttpStatusCode.Created);
        });

        await store.PutAsync("box", "dir/k", new ForwardOnly(new byte[7]), new PutOptions { ContentType = "text/x", Metadata = { ["A"] = "b" } });

        Assert.Equal(HttpMethod.Put, seen!.Method);
        Assert.Equal("/box/dir/k", seen.RequestUri!.PathAndQuery);
        Assert.Equal(7, seen.Content!.Headers.ContentLength);
        Assert.Equal("text/x", seen.Content.Headers.ContentType!.ToString());
        Assert.Equal("BlockBlob", seen.Headers.GetValues("x-ms-blob-type").Single());
        Assert.Equal("b", seen.Headers.GetValues("x-ms-meta-a").Single());
    }

    [Fact]
    public async Task AFailedBlockFailsTheUploadWithItsOwnErrorAndNothingIsCommitted()
    {
        var committed = false;
        using var store = Store(request =>
        {
            if (Query(request, "comp") == "blocklist")
            {
                committed = true;
            }
            if (Query(request, "blockid") == Convert.ToBase64String("000002"u8))
            {
                var refused = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<Error><Code>AuthorizationFailure</Code><Message>no</Message></Error>") };
                return refused;
            }
            return new HttpResponseMessage(HttpStatusCode.Created);
        });

        var error = await Assert.ThrowsAsync<StorageException>(() =>
            store.PutAsync("box", "k", new ForwardOnly(new byte[100]), new PutOptions { PartSize = 10, Concurrency = 3 }));

        Assert.Equal(StorageErrorKind.AccessDenied, error.Kind);
        Assert.Equal("k", error.Key);
        Assert.False(committed);
    }

    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }

    private sealed class ForwardOnly(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;
    }
}
