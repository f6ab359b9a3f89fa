using System.Text;
using Stratus.Storage;
using Stratus.Storage.FileSystem;

namespace Stratus.Tests.Storage;

/// <summary>What the conformance suite cannot see of the filesystem store: its layout on disk and the keys it refuses.</summary>
public sealed class FileSystemObjectStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "stratus-fs-" + Guid.NewGuid().ToString("N"));
    private readonly FileSystemObjectStore _store;

    public FileSystemObjectStoreTests() => _store = new FileSystemObjectStore(_root);

    public void Dispose()
    {
        _store.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task Put(string key, string text, PutOptions? options = null) =>
        _store.PutAsync("c", key, new MemoryStream(Encoding.UTF8.GetBytes(text)), options);

    [Fact]
    public async Task Keys_are_folders_and_files_with_a_sidecar()
    {
        await _store.CreateContainerAsync("c");
        var options = new PutOptions { ContentType = "image/jpeg" };
        options.Metadata["Camera"] = "x100";
        await Put("photos/2026/cat.jpg", "meow", options);

        Assert.Equal("meow", await File.ReadAllTextAsync(Path.Combine(_root, "c", "photos", "2026", "cat.jpg")));
        var sidecar = await File.ReadAllTextAsync(Path.Combine(_root, "c", "photos", "2026", "cat.jpg%m"));
        Assert.Contains("\"camera\": \"x100\"", sidecar, StringComparison.Ordinal);
        Assert.Contains("\"contentType\": \"image/jpeg\"", sidecar, StringComparison.Ordinal);
        // Nothing else is left behind (no temporary files).
        Assert.Equal(["cat.jpg", "cat.jpg%m"], Directory.GetFileSystemEntries(Path.Combine(_root, "c", "photos", "2026")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["photos"], Directory.GetFileSystemEntries(Path.Combine(_root, "c")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_key_that_is_also_a_folder_moves_aside_and_back()
    {
        await _store.CreateContainerAsync("c");
        await Put("a", "object a");
        Assert.True(File.Exists(Path.Combine(_root, "c", "a")));
        await Put("a/b", "object a/b");
        Assert.True(File.Exists(Path.Combine(_root, "c", "a%o")));
        Assert.True(File.Exists(Path.Combine(_root, "c", "a", "b")));
        using (var got = await _store.GetAsync("c", "a"))
        {
            Assert.Equal("object a", await new StreamReader(got.Content).ReadToEndAsync());
        }

        await _store.DeleteAsync("c", "a/b");
        Assert.False(Directory.Exists(Path.Combine(_root, "c", "a")));
        Assert.True(File.Exists(Path.Combine(_root, "c", "a")));
        Assert.False(File.Exists(Path.Combine(_root, "c", "a%o")));
    }

    [Fact]
    public async Task Awkward_segments_are_encoded_not_interpreted()
    {
        await _store.CreateContainerAsync("c");
        await Put("x/./y", "dot");
        await Put("x//y", "empty segment");
        await Put("100%:*?.txt", "percent");
        Assert.True(File.Exists(Path.Combine(_root, "c", "x", "%2E", "y")));
        Assert.True(File.Exists(Path.Combine(_root, "c", "x", "%_", "y")));
        Assert.True(File.Exists(Path.Combine(_root, "c", "100%25%3A%2A%3F.txt")));
        var keys = new List<string>();
        await foreach (var entry in _store.ListAsync("c"))
        {
            keys.Add(entry.Key);
        }
        Assert.Equal(["100%:*?.txt", "x/./y", "x//y"], keys);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("nul\0byte")]
    [InlineData("..")]
    public async Task Unsafe_keys_are_refused(string key)
    {
        await _store.CreateContainerAsync("c");
        var e = await Assert.ThrowsAsync<StorageException>(() => Put(key, "nope"));
        Assert.Equal(StorageErrorKind.InvalidRequest, e.Kind);
        Assert.Equal(StorageErrorKind.InvalidRequest, (await Assert.ThrowsAsync<StorageException>(() => _store.GetAsync("c", key))).Kind);
        Assert.False(File.Exists(Path.Combine(_root, "escape")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "escape")));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/b")]
    [InlineData("per%cent")]
    public async Task Unsafe_container_names_are_refused(string container)
    {
        var e = await Assert.ThrowsAsync<StorageException>(() => _store.CreateContainerAsync(container));
        Assert.Equal(StorageErrorKind.InvalidRequest, e.Kind);
    }

    [Fact]
    public async Task A_file_placed_by_hand_is_an_object_without_metadata()
    {
        await _store.CreateContainerAsync("c");
        Directory.CreateDirectory(Path.Combine(_root, "c", "docs"));
        await File.WriteAllTextAsync(Path.Combine(_root, "c", "docs", "readme.txt"), "by hand");
        var head = await _store.HeadAsync("c", "docs/readme.txt");
        Assert.NotNull(head);
        Assert.Equal(7, head.Size);
        Assert.Empty(head.Metadata);
        using var got = await _store.GetAsync("c", "docs/readme.txt");
        Assert.Equal("by hand", await new StreamReader(got.Content).ReadToEndAsync());
    }

    [Fact]
    public async Task A_range_past_the_end_is_InvalidRequest()
    {
        await _store.CreateContainerAsync("c");
        await Put("k", "0123456789");
        var e = await Assert.ThrowsAsync<StorageException>(() => _store.GetAsync("c", "k", new GetOptions { RangeStart = 10 }));
        Assert.Equal(StorageErrorKind.InvalidRequest, e.Kind);
    }

    [Fact]
    public void The_file_scheme_opens_a_root_from_settings_and_cannot_sign()
    {
        var settings = new StoreSettings();
        settings.Values["root"] = _root;
        using var store = Assert.IsType<FileSystemObjectStore>(ObjectStores.Open("file", settings));
        Assert.Equal(Path.GetFullPath(_root), store.Root);
        Assert.False(store.Capabilities.HasFlag(StoreCapabilities.SignedUrls));
        Assert.Throws<NotSupportedException>(() => store.GetSignedUrl("c", "k", new SignedUrlOptions()));
        using var fromEnv = Assert.IsType<FileSystemObjectStore>(ObjectStores.Open("file", new StoreSettings { Environment = n => n == "STRATUS_FILE_ROOT" ? "/srv/objects" : null }));
        Assert.Equal("/srv/objects", fromEnv.Root);
        Assert.Contains("s3", ObjectStores.Schemes);
        Assert.Contains("file", ObjectStores.Schemes);
    }
}
