using System.Security.Cryptography;
using System.Text;
using Stratus.Azure;
using Stratus.Azure.Storage;
using Stratus.Storage;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Azure;

/// <summary>The portable store over azurite.</summary>
public sealed class AzuriteBlobStoreTests
{
    private static async Task<(AzureBlobStore Store, string Container)> NewAsync()
    {
        var store = new AzureBlobStore(Azurite.Account());
        var container = Azurite.NewContainer();
        await store.CreateContainerAsync(container);
        return (store, container);
    }

    private static async Task CleanAsync(ObjectStore store, string container)
    {
        await foreach (var entry in store.ListAsync(container))
        {
            await store.DeleteAsync(container, entry.Key);
        }
        await store.DeleteContainerAsync(container);
    }

    private static async Task<byte[]> ReadAllAsync(ObjectDownload download)
    {
        await using (download)
        {
            using var buffer = new MemoryStream();
            await download.Content.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }

    [EmulatorFact(Azurite.Variable)]
    public async Task ObjectsRoundTripWithMetadataAndTheContractsEdges()
    {
        var (store, container) = await NewAsync();
        using var _ = store;
        // Creating it again is fine; the listing shows it.
        await store.CreateContainerAsync(container);
        Assert.Contains(await store.ListContainersAsync().ToListAsync(), c => c.Name == container && c.Created is not null);

        var put = await store.PutAsync(container, "notes/a.txt", new MemoryStream("hello"u8.ToArray()), new PutOptions
        {
            ContentType = "text/plain",
            Metadata = { ["Owner"] = "me" },
        });
        Assert.Equal(5, put.Size);
        Assert.False(string.IsNullOrEmpty(put.ETag));
        Assert.DoesNotContain('"', put.ETag!);

        var head = await store.HeadAsync(container, "notes/a.txt");
        Assert.NotNull(head);
        Assert.Equal(5, head.Size);
        Assert.Equal("text/plain", head.ContentType);
        Assert.Equal("me", head.Metadata["owner"]);
        Assert.Equal(put.ETag, head.ETag);

        await store.SetMetadataAsync(container, "notes/a.txt", new Dictionary<string, string> { ["Stage"] = "two" });
        head = await store.HeadAsync(container, "notes/a.txt");
        Assert.Equal("two", head!.Metadata["stage"]);
        Assert.False(head.Metadata.ContainsKey("owner"));
        Assert.Equal("text/plain", head.ContentType);

        Assert.Null(await store.HeadAsync(container, "missing"));
        var notFound = await Assert.ThrowsAsync<StorageException>(() => store.GetAsync(container, "missing"));
        Assert.Equal(StorageErrorKind.NotFound, notFound.Kind);
        var noContainer = await Assert.ThrowsAsync<StorageException>(() => store.GetAsync(container + "x", "k"));
        Assert.Equal(StorageErrorKind.ContainerNotFound, noContainer.Kind);
        await store.DeleteAsync(container, "missing");
        await store.DeleteContainerAsync(container + "x");

        var notEmpty = await Assert.ThrowsAsync<StorageException>(() => store.DeleteContainerAsync(container));
        Assert.Equal(StorageErrorKind.ContainerNotEmpty, notEmpty.Kind);

        // Unknown length, small: one Put Blob from memory.
        await store.PutAsync(container, "empty", new NonSeekableStream([]));
        Assert.Equal(0, (await store.HeadAsync(container, "empty"))!.Size);

        await CleanAsync(store, container);
        Assert.DoesNotContain(await store.ListContainersAsync().ToListAsync(), c => c.Name == container);
    }

    [EmulatorFact(Azurite.Variable)]
    public async Task ListingPagesInKeyOrderAndRollsUpPrefixes()
    {
        var (store, container) = await NewAsync();
        using var _ = store;
        string[] keys = ["a/1", "a/2", "a/b/3", "b", "c/4", "d", "e"];
        foreach (var key in keys.Reverse())
        {
            await store.PutAsync(container, key, new MemoryStream(Encoding.ASCII.GetBytes(key)), new PutOptions { Metadata = { ["k"] = key } });
        }

        var all = await store.ListAsync(container, new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(keys, all.Select(e => e.Key));
        Assert.All(all, e => Assert.False(e.IsPrefix));
        Assert.Equal("a/b/3", all[2].Object!.Metadata["k"]);
        Assert.Equal(5, all[2].Object!.Size);

        var top = await store.ListAsync(container, new ListOptions { Delimiter = "/", PageSize = 2 }).ToListAsync();
        Assert.Equal(["a/", "b", "c/", "d", "e"], top.Select(e => e.Key));
        Assert.True(top[0].IsPrefix);
        Assert.False(top[1].IsPrefix);

        var inA = await store.ListAsync(container, new ListOptions { Prefix = "a/", Delimiter = "/" }).ToListAsync();
        Assert.Equal(["a/1", "a/2", "a/b/"], inA.Select(e => e.Key));
        var after = await store.ListAsync(container, new ListOptions { StartAfter = "b", PageSize = 3 }).ToListAsync();
        Assert.Equal(["c/4", "d", "e"], after.Select(e => e.Key));

        var missing = await Assert.ThrowsAsync<StorageException>(async () => await store.ListAsync(container + "x").ToListAsync());
        Assert.Equal(StorageErrorKind.ContainerNotFound, missing.Kind);
        await CleanAsync(store, container);
    }

    [EmulatorFact(Azurite.Variable)]
    public async Task A20MiBUnknownLengthStreamIsStagedInParallelBlocksAndReadsBackEqualWholeAndRanged()
    {
        // The real transport, watched: how many Put Block requests are in flight at once.
        using var watch = new InFlight(new SocketsHttpHandler());
        using var store = new AzureBlobStore(Azurite.Account(), new Stratus.Client.ClientOptions { Transport = watch });
        var container = Azurite.NewContainer();
        await store.CreateContainerAsync(container);
        var data = new byte[20 * 1024 * 1024 + 12345];
        new Random(42).NextBytes(data);
        var reports = new List<long>();
        var progress = new SyncProgress(reports);
        var source = new NonSeekableStream(data);

        var info = await store.PutAsync(container, "big/blob.bin", source, new PutOptions
        {
            PartSize = 4 * 1024 * 1024,
            Concurrency = 3,
            ContentType = "application/x-test",
            Metadata = { ["kind"] = "staged" },
            Progress = progress,
        });
        Assert.Equal(data.Length, info.Size);
        // Six blocks (5 whole, 1 partial), each reported once it was staged.
        Assert.Equal(6, reports.Count);
        Assert.Equal(data.Length, reports.Max());
        Assert.Equal(6, watch.Blocks);
        Assert.InRange(watch.MaxInFlight, 2, 3);

        var head = await store.HeadAsync(container, "big/blob.bin");
        Assert.Equal(data.Length, head!.Size);
        Assert.Equal("application/x-test", head.ContentType);
        Assert.Equal("staged", head.Metadata["kind"]);
        var whole = await ReadAllAsync(await store.GetAsync(container, "big/blob.bin"));
        Assert.Equal(SHA256.HashData(data), SHA256.HashData(whole));

        var download = await store.GetAsync(container, "big/blob.bin", new GetOptions { RangeStart = 4 * 1024 * 1024 - 10, RangeEnd = 4 * 1024 * 1024 + 9 });
        Assert.Equal(data.Length, download.Info.Size);
        Assert.Equal(data.AsSpan(4 * 1024 * 1024 - 10, 20).ToArray(), await ReadAllAsync(download));
        var tail = await ReadAllAsync(await store.GetAsync(container, "big/blob.bin", new GetOptions { RangeStart = data.Length - 5 }));
        Assert.Equal(data.AsSpan(data.Length - 5).ToArray(), tail);
        await CleanAsync(store, container);
    }

    [EmulatorFact(Azurite.Variable)]
    public async Task CopyKeepsContentTypeAndMetadataAndSignedUrlsWorkForAPlainHttpClient()
    {
        var (store, container) = await NewAsync();
        using var _ = store;
        await store.PutAsync(container, "src key.txt", new MemoryStream("copy me"u8.ToArray()), new PutOptions { ContentType = "text/plain", Metadata = { ["m"] = "1" } });
        var copied = await store.CopyAsync(container, "src key.txt", container, "dst/key.txt");
        Assert.Equal(7, copied.Size);
        Assert.Equal("text/plain", copied.ContentType);
        Assert.Equal("1", copied.Metadata["m"]);
        Assert.Equal("copy me"u8.ToArray(), await ReadAllAsync(await store.GetAsync(container, "dst/key.txt")));
        var noSource = await Assert.ThrowsAsync<StorageException>(() => store.CopyAsync(container, "nope", container, "x"));
        Assert.Equal(StorageErrorKind.NotFound, noSource.Kind);

        using var http = new HttpClient();
        var getUrl = store.GetSignedUrl(container, "src key.txt", new SignedUrlOptions { ExpiresIn = TimeSpan.FromMinutes(5) });
        Assert.Contains("sig=", getUrl.Query, StringComparison.Ordinal);
        Assert.Equal("copy me", await http.GetStringAsync(getUrl));
        // The GET token does not allow writing.
        using (var write = new HttpRequestMessage(HttpMethod.Put, getUrl) { Content = new ByteArrayContent([1]) })
        {
            write.Headers.Add("x-ms-blob-type", "BlockBlob");
            using var refused = await http.SendAsync(write);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // A portable signed PUT is refused (Azure would still want x-ms-blob-type); a SAS with write rights from BlobSasBuilder works.
        Assert.Throws<NotSupportedException>(() => store.GetSignedUrl(container, "uploaded.bin", new SignedUrlOptions { Method = HttpMethod.Put }));
        Assert.False(store.Capabilities.HasFlag(StoreCapabilities.SignedPutUrls));
        var sas = new Stratus.Azure.Signing.BlobSasBuilder
        {
            Container = container,
            Blob = "uploaded.bin",
            Permissions = "cw",
            StartsOn = DateTimeOffset.UtcNow.AddMinutes(-5),
            ExpiresOn = DateTimeOffset.UtcNow.AddMinutes(5),
        }.ToSasToken(Azurite.Account());
        var putUrl = new Uri(store.BlobUrl(container, "uploaded.bin").AbsoluteUri + "?" + sas);
        using (var request = new HttpRequestMessage(HttpMethod.Put, putUrl) { Content = new ByteArrayContent([1, 2, 3]) })
        {
            request.Headers.Add("x-ms-blob-type", "BlockBlob");
            using var response = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }
        Assert.Equal(new byte[] { 1, 2, 3 }, await ReadAllAsync(await store.GetAsync(container, "uploaded.bin")));
        await CleanAsync(store, container);
    }

    [EmulatorFact(Azurite.Variable)]
    public async Task AWrongKeyIsAccessDenied()
    {
        using var store = new AzureBlobStore(Azurite.WrongKey());
        var error = await Assert.ThrowsAsync<StorageException>(() => store.CreateContainerAsync(Azurite.NewContainer()));
        Assert.Equal(StorageErrorKind.AccessDenied, error.Kind);
        var inner = Assert.IsType<Stratus.Client.ServiceException>(error.InnerException);
        Assert.Equal("AuthorizationFailure", inner.ErrorCode);
        var listing = await Assert.ThrowsAsync<StorageException>(async () => await store.ListContainersAsync().ToListAsync());
        Assert.Equal(StorageErrorKind.AccessDenied, listing.Kind);
    }

    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }

    private sealed class InFlight(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _now;
        private int _max;
        private int _blocks;

        public int MaxInFlight => Volatile.Read(ref _max);

        public int Blocks => Volatile.Read(ref _blocks);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.Query.Contains("comp=block&", StringComparison.Ordinal) != true)
            {
                return await base.SendAsync(request, cancellationToken);
            }
            Interlocked.Increment(ref _blocks);
            var now = Interlocked.Increment(ref _now);
            int max;
            while (now > (max = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, max) != max)
            {
            }
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }
    }

    /// <summary>A forward-only stream of unknown length.</summary>
    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, Math.Min(64 * 1024, data.Length - _position));
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
