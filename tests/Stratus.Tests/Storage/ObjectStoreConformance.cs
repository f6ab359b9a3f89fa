using System.Security.Cryptography;
using System.Text;
using Stratus.Storage;

namespace Stratus.Tests.Storage;

/// <summary>
/// The portable conformance suite: the same tests, unchanged, against every <see cref="ObjectStore"/>. A backend's
/// subclass says how to make its store (<see cref="CreateStoreAsync"/>) and, when its emulator is not there, why the
/// tests are skipped (<see cref="SkipReason"/>). Capability flags decide which tests apply: a test of a missing
/// capability asserts <see cref="NotSupportedException"/> instead of being skipped. Each test works in containers of
/// its own, with names unique to the run, removed afterwards with whatever they hold.
/// </summary>
public abstract class ObjectStoreConformance : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private readonly List<string> _containers = [];
    private ObjectStore? _store;

    /// <summary>Makes the store under test (called once per test, only when <see cref="SkipReason"/> is null).</summary>
    protected abstract Task<ObjectStore> CreateStoreAsync();

    /// <summary>Why the backend cannot be tested here (for example its emulator's variable is unset), or null to run.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>Frees what <see cref="CreateStoreAsync"/> made besides the store (a server, a folder); called after the containers are removed.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    /// <summary>A container name no other test or run uses (3-63 lowercase letters, digits and dashes: valid everywhere).</summary>
    protected virtual string NewContainerName() => "stratus-conf-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>The store, made on first use; skips the test when the backend is unavailable.</summary>
    protected async Task<ObjectStore> StoreAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        return _store ??= await CreateStoreAsync();
    }

    /// <summary>A new, empty container, removed after the test.</summary>
    protected async Task<string> ContainerAsync()
    {
        var store = await StoreAsync();
        var name = NewContainerName();
        await store.CreateContainerAsync(name);
        _containers.Add(name);
        return name;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_store is { } store)
        {
            foreach (var container in _containers)
            {
                try
                {
                    await foreach (var entry in store.ListAsync(container))
                    {
                        await store.DeleteAsync(container, entry.Key);
                    }
                    await store.DeleteContainerAsync(container);
                }
                catch (StorageException)
                {
                    // Best effort: a failed test may have left the container in any state.
                }
            }
            store.Dispose();
        }
        await CleanupAsync();
    }

    private static byte[] Data(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadAllAsync(ObjectDownload download)
    {
        await using (download)
        {
            using var copy = new MemoryStream();
            await download.Content.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private static async Task<byte[]> GetBytesAsync(ObjectStore store, string container, string key, GetOptions? options = null) =>
        await ReadAllAsync(await store.GetAsync(container, key, options));

    private static async Task<List<StoreEntry>> ListAllAsync(ObjectStore store, string container, ListOptions? options = null)
    {
        var entries = new List<StoreEntry>();
        await foreach (var entry in store.ListAsync(container, options))
        {
            entries.Add(entry);
        }
        return entries;
    }

    private static Task<ObjectInfo> PutBytesAsync(ObjectStore store, string container, string key, byte[] data, PutOptions? options = null) =>
        store.PutAsync(container, key, new MemoryStream(data), options);

    [SkippableFact]
    public async Task Containers_are_created_listed_and_deleted()
    {
        var store = await StoreAsync();
        var name = NewContainerName();
        await store.CreateContainerAsync(name);
        _containers.Add(name);
        await store.CreateContainerAsync(name); // again: already the caller's, not an error

        var names = new List<string>();
        await foreach (var container in store.ListContainersAsync())
        {
            names.Add(container.Name);
        }
        Assert.Contains(name, names);

        await store.DeleteContainerAsync(name);
        names.Clear();
        await foreach (var container in store.ListContainersAsync())
        {
            names.Add(container.Name);
        }
        Assert.DoesNotContain(name, names);
        await store.DeleteContainerAsync(name); // missing: not an error
    }

    [SkippableFact]
    public async Task Put_and_get_round_trip_from_a_seekable_stream()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var data = Data(300_001);
        var put = await PutBytesAsync(store, container, "seekable.bin", data);
        Assert.Equal(data.Length, put.Size);
        Assert.Equal(data, await GetBytesAsync(store, container, "seekable.bin"));
    }

    [SkippableFact]
    public async Task Put_and_get_round_trip_from_a_stream_of_unknown_length()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var data = Data(250_007, seed: 2);
        var put = await store.PutAsync(container, "forward-only.bin", new NonSeekableStream(data));
        Assert.Equal(data.Length, put.Size);
        Assert.Equal(data, await GetBytesAsync(store, container, "forward-only.bin"));
    }

    [SkippableFact]
    public async Task A_large_object_of_unknown_length_goes_up_in_parts()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var data = Data(20 * MiB + 12_345, seed: 3);
        var reported = 0L;
        var options = new PutOptions { PartSize = 5 * MiB, Concurrency = 3, Progress = new SyncProgress(n => reported = n) };
        var put = await store.PutAsync(container, "large.bin", new NonSeekableStream(data), options);
        Assert.Equal(data.Length, put.Size);
        Assert.Equal(data.Length, reported);
        var head = await store.HeadAsync(container, "large.bin");
        Assert.Equal(data.Length, head?.Size);
        Assert.Equal(SHA256.HashData(data), SHA256.HashData(await GetBytesAsync(store, container, "large.bin")));
    }

    [SkippableFact]
    public async Task A_file_goes_up_with_PutFileAsync()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var data = Data(6 * MiB + 1, seed: 4);
        var path = Path.Combine(Path.GetTempPath(), "stratus-conf-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(path, data);
        try
        {
            var put = await store.PutFileAsync(container, "from-file.bin", path, new PutOptions { PartSize = 5 * MiB });
            Assert.Equal(data.Length, put.Size);
            Assert.Equal(data, await GetBytesAsync(store, container, "from-file.bin"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public async Task Content_type_and_metadata_come_back_from_head()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var data = Encoding.UTF8.GetBytes("hello, conformance");
        var options = new PutOptions { ContentType = "text/plain" };
        options.Metadata["Color"] = "blue";
        options.Metadata["run-id"] = "42";
        await PutBytesAsync(store, container, "meta.txt", data, options);

        var head = await store.HeadAsync(container, "meta.txt");
        Assert.NotNull(head);
        Assert.Equal(data.Length, head.Size);
        Assert.Equal(("blue", "42"), (head.Metadata["color"], head.Metadata["run-id"]));
        Assert.Equal(2, head.Metadata.Count);
        Assert.False(string.IsNullOrEmpty(head.ETag));
        Assert.NotNull(head.LastModified);
        if (store.Capabilities.HasFlag(StoreCapabilities.ContentType))
        {
            Assert.Equal("text/plain", head.ContentType);
        }
    }

    [SkippableFact]
    public async Task Ranged_gets_read_inclusive_ranges()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var data = Data(1000, seed: 5);
        await PutBytesAsync(store, container, "ranged.bin", data);

        using (var middle = await store.GetAsync(container, "ranged.bin", new GetOptions { RangeStart = 100, RangeEnd = 199 }))
        {
            Assert.Equal(1000, middle.Info.Size);
            using var copy = new MemoryStream();
            await middle.Content.CopyToAsync(copy);
            Assert.Equal(data[100..200], copy.ToArray());
        }
        Assert.Equal(data[900..], await GetBytesAsync(store, container, "ranged.bin", new GetOptions { RangeStart = 900 }));
        Assert.Equal(data[..10], await GetBytesAsync(store, container, "ranged.bin", new GetOptions { RangeStart = 0, RangeEnd = 9 }));
        // An end past the object is cut at the object's end, as HTTP ranges are.
        Assert.Equal(data[990..], await GetBytesAsync(store, container, "ranged.bin", new GetOptions { RangeStart = 990, RangeEnd = 5000 }));
    }

    [SkippableFact]
    public async Task Missing_objects_head_as_null_get_as_NotFound_and_delete_quietly()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        Assert.Null(await store.HeadAsync(container, "not-there"));
        var e = await Assert.ThrowsAsync<StorageException>(() => store.GetAsync(container, "not-there"));
        Assert.Equal(StorageErrorKind.NotFound, e.Kind);
        await store.DeleteAsync(container, "not-there");
        var copy = await Assert.ThrowsAsync<StorageException>(() => store.CopyAsync(container, "not-there", container, "copy"));
        Assert.Equal(StorageErrorKind.NotFound, copy.Kind);
    }

    [SkippableFact]
    public async Task A_missing_container_is_ContainerNotFound()
    {
        var store = await StoreAsync();
        var missing = NewContainerName();
        var put = await Assert.ThrowsAsync<StorageException>(() => PutBytesAsync(store, missing, "k", [1, 2, 3]));
        Assert.Equal(StorageErrorKind.ContainerNotFound, put.Kind);
        var list = await Assert.ThrowsAsync<StorageException>(() => ListAllAsync(store, missing));
        Assert.Equal(StorageErrorKind.ContainerNotFound, list.Kind);
    }

    [SkippableFact]
    public async Task Deleting_a_container_that_holds_objects_is_ContainerNotEmpty()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        await PutBytesAsync(store, container, "keep/me", [1]);
        var e = await Assert.ThrowsAsync<StorageException>(() => store.DeleteContainerAsync(container));
        Assert.Equal(StorageErrorKind.ContainerNotEmpty, e.Kind);
        Assert.NotNull(await store.HeadAsync(container, "keep/me"));
    }

    [SkippableFact]
    public async Task Listing_spans_pages_in_key_order()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        string[] keys = ["b", "a", "d/1", "c", "a0", "e", "B", "d/0"];
        foreach (var key in keys)
        {
            await PutBytesAsync(store, container, key, Encoding.UTF8.GetBytes(key));
        }
        var listed = await ListAllAsync(store, container, new ListOptions { PageSize = 3 });
        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Select(e => e.Key));
        Assert.All(listed, e => Assert.False(e.IsPrefix));
        Assert.Equal(3, listed.Single(e => e.Key == "d/1").Object!.Size);
    }

    [SkippableFact]
    public async Task Prefix_and_delimiter_roll_keys_up()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        foreach (var key in new[] { "a/1", "a/2", "a/b/3", "a/b/4", "a/c/5", "b/6", "c", "ab" })
        {
            await PutBytesAsync(store, container, key, [7]);
        }
        var top = await ListAllAsync(store, container, new ListOptions { Delimiter = "/", PageSize = 2 });
        Assert.Equal(["a/", "ab", "b/", "c"], top.Select(e => e.Key));
        Assert.Equal([true, false, true, false], top.Select(e => e.IsPrefix));

        var underA = await ListAllAsync(store, container, new ListOptions { Prefix = "a/", Delimiter = "/" });
        Assert.Equal(["a/1", "a/2", "a/b/", "a/c/"], underA.Select(e => e.Key));
        Assert.Equal([false, false, true, true], underA.Select(e => e.IsPrefix));

        var prefixOnly = await ListAllAsync(store, container, new ListOptions { Prefix = "a" });
        Assert.Equal(["a/1", "a/2", "a/b/3", "a/b/4", "a/c/5", "ab"], prefixOnly.Select(e => e.Key));
    }

    [SkippableFact]
    public async Task StartAfter_lists_only_later_keys()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        foreach (var key in new[] { "k1", "k2", "k3", "k4", "k5" })
        {
            await PutBytesAsync(store, container, key, [1]);
        }
        var later = await ListAllAsync(store, container, new ListOptions { StartAfter = "k2", PageSize = 2 });
        Assert.Equal(["k3", "k4", "k5"], later.Select(e => e.Key));
    }

    [SkippableFact]
    public async Task Copy_keeps_content_type_and_metadata()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var other = await ContainerAsync();
        var data = Data(70_000, seed: 6);
        var options = new PutOptions { ContentType = "image/png" };
        options.Metadata["origin"] = "conformance";
        await PutBytesAsync(store, container, "src/original.png", data, options);

        var copied = await store.CopyAsync(container, "src/original.png", other, "dst/copy.png");
        Assert.Equal(data.Length, copied.Size);
        var head = await store.HeadAsync(other, "dst/copy.png");
        Assert.NotNull(head);
        Assert.Equal("conformance", head.Metadata["origin"]);
        if (store.Capabilities.HasFlag(StoreCapabilities.ContentType))
        {
            Assert.Equal("image/png", head.ContentType);
        }
        Assert.Equal(data, await GetBytesAsync(store, other, "dst/copy.png"));
        Assert.Equal(data, await GetBytesAsync(store, container, "src/original.png"));
    }

    [SkippableFact]
    public async Task SetMetadata_replaces_the_metadata_and_keeps_the_rest()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var data = Encoding.UTF8.GetBytes("metadata changes, content stays");
        var options = new PutOptions { ContentType = "text/csv" };
        options.Metadata["a"] = "1";
        options.Metadata["b"] = "2";
        await PutBytesAsync(store, container, "doc.csv", data, options);

        await store.SetMetadataAsync(container, "doc.csv", new Dictionary<string, string> { ["C"] = "3" });
        var head = await store.HeadAsync(container, "doc.csv");
        Assert.NotNull(head);
        Assert.Equal(new Dictionary<string, string> { ["c"] = "3" }, head.Metadata.ToDictionary());
        if (store.Capabilities.HasFlag(StoreCapabilities.ContentType))
        {
            Assert.Equal("text/csv", head.ContentType);
        }
        Assert.Equal(data, await GetBytesAsync(store, container, "doc.csv"));
    }

    [SkippableFact]
    public async Task A_signed_GET_URL_works_with_a_plain_HttpClient()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var data = Data(4096, seed: 8);
        const string Key = "signed/get me+.bin";
        await PutBytesAsync(store, container, Key, data);
        var options = new SignedUrlOptions { ExpiresIn = TimeSpan.FromMinutes(10) };
        if (!store.Capabilities.HasFlag(StoreCapabilities.SignedUrls))
        {
            Assert.Throws<NotSupportedException>(() => store.GetSignedUrl(container, Key, options));
            return;
        }
        var url = store.GetSignedUrl(container, Key, options);
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(data, await response.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task A_signed_PUT_URL_works_with_a_plain_HttpClient()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var data = Data(5000, seed: 9);
        const string Key = "signed/put me.bin";
        var options = new SignedUrlOptions { Method = HttpMethod.Put, ExpiresIn = TimeSpan.FromMinutes(10) };
        if (!store.Capabilities.HasFlag(StoreCapabilities.SignedPutUrls))
        {
            Assert.Throws<NotSupportedException>(() => store.GetSignedUrl(container, Key, options));
            return;
        }
        var url = store.GetSignedUrl(container, Key, options);
        using var http = new HttpClient();
        using var content = new ByteArrayContent(data);
        using var response = await http.PutAsync(url, content);
        Assert.True(response.IsSuccessStatusCode, $"PUT {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(data, await GetBytesAsync(store, container, Key));
    }

    [SkippableFact]
    public async Task Keys_with_spaces_unicode_plus_and_percent_round_trip()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        string[] keys = ["with space.txt", "plus+sign", "per%cent%20", "ünïcödé/日本語 😀.bin", "a=b&c;d,e@f(g)!'~*", "dir/.hidden", "tab\u00a0nbsp"];
        foreach (var key in keys)
        {
            await PutBytesAsync(store, container, key, Encoding.UTF8.GetBytes(key));
        }
        var listed = await ListAllAsync(store, container);
        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Select(e => e.Key).Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            Assert.Equal(Encoding.UTF8.GetBytes(key), await GetBytesAsync(store, container, key));
            Assert.Equal(Encoding.UTF8.GetByteCount(key), (await store.HeadAsync(container, key))?.Size);
        }
        foreach (var key in keys)
        {
            await store.DeleteAsync(container, key);
            Assert.Null(await store.HeadAsync(container, key));
        }
        Assert.Empty(await ListAllAsync(store, container));
    }

    [SkippableFact]
    public async Task Zero_byte_objects_round_trip()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        var put = await PutBytesAsync(store, container, "empty", []);
        Assert.Equal(0, put.Size);
        Assert.Equal(0, (await store.HeadAsync(container, "empty"))?.Size);
        Assert.Empty(await GetBytesAsync(store, container, "empty"));
        var empty = await store.PutAsync(container, "empty-stream", new NonSeekableStream([]));
        Assert.Equal(0, empty.Size);
        Assert.Equal(["empty", "empty-stream"], (await ListAllAsync(store, container)).Select(e => e.Key));
    }

    [SkippableFact]
    public async Task A_key_that_is_also_a_prefix_of_other_keys_works()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        await PutBytesAsync(store, container, "x", [1]);
        await PutBytesAsync(store, container, "x/y", [2]);
        await PutBytesAsync(store, container, "x/y/z", [3]);
        Assert.Equal(["x", "x/y", "x/y/z"], (await ListAllAsync(store, container)).Select(e => e.Key));
        Assert.Equal([1], await GetBytesAsync(store, container, "x"));
        Assert.Equal([2], await GetBytesAsync(store, container, "x/y"));
        await store.DeleteAsync(container, "x/y/z");
        await store.DeleteAsync(container, "x/y");
        Assert.Equal([1], await GetBytesAsync(store, container, "x"));
        Assert.Equal(["x"], (await ListAllAsync(store, container)).Select(e => e.Key));
    }

    [SkippableFact]
    public async Task Cancellation_stops_a_put_and_leaves_no_object()
    {
        var store = await StoreAsync();
        var container = await ContainerAsync();
        using var cts = new CancellationTokenSource();
        var source = new NonSeekableStream(Data(3 * MiB, seed: 10)) { CancelAfter = (64 * 1024, cts) };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutAsync(container, "cancelled", source, cancellationToken: cts.Token));
        Assert.Null(await store.HeadAsync(container, "cancelled"));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.HeadAsync(container, "cancelled", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var entry in store.ListAsync(container, cancellationToken: cancelled.Token))
            {
                Assert.Fail($"listed {entry.Key} after cancellation");
            }
        });
    }

    /// <summary>A stream that cannot seek and has no length (a pipe, a network body); can cancel a token once it has given some bytes.</summary>
    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private int _position;

        public (int Bytes, CancellationTokenSource Source)? CancelAfter { get; init; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (CancelAfter is { } cancel && _position >= cancel.Bytes)
            {
                cancel.Source.Cancel();
                cancel.Source.Token.ThrowIfCancellationRequested();
            }
            // Uneven pieces, as a network gives them.
            var n = Math.Min(Math.Min(buffer.Length, 65_537), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Progress reported on the caller's thread (System.Progress would post to the thread pool and arrive late).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
