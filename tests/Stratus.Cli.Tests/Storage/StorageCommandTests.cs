using System.Text;
using Stratus.Cli.Storage;
using Stratus.Storage;

namespace Stratus.Cli.Tests.Storage;

/// <summary>
/// <c>stratus storage ...</c> run in this process across two test providers (<see cref="MemoryObjectStore"/> under
/// <c>memtest://</c> and <c>memtest2://</c>) and local files: the command layer, whatever the real stores turn out to be.
/// </summary>
public sealed class StorageCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stratus-storage-").FullName;

    public StorageCommandTests() => MemoryObjectStore.EnsureRegistered();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<InProcess.Result> Storage(params string[] args) => InProcess.RunAsync(["storage", .. args]);

    private static string Unique() => "c" + Guid.NewGuid().ToString("N")[..10];

    private string Local(string relative, string? text = null)
    {
        var path = Path.Combine(_dir, relative);
        if (text is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return path;
    }

    private static string[] Lines(InProcess.Result result) => result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    private static InProcess.Result Ok(InProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\nstdout: {result.Output}\nstderr: {result.Error}");
        return result;
    }

    private static async Task<string> CreateAsync(string scheme)
    {
        var container = Unique();
        Assert.Equal($"make_container: {scheme}://{container}\n", Ok(await Storage("mb", $"{scheme}://{container}")).Output);
        return container;
    }

    private static (byte[] Data, ObjectInfo Info) Stored(MemoryObjectStore.Account account, string container, string key) => account.Containers[container][key];

    [Fact]
    public async Task ListsContainersAndObjectsAsAwsS3Ls()
    {
        var c = await CreateAsync("memtest");
        Local("tree/a.txt", "a");
        Local("tree/sub/b.txt", "bb");
        Local("tree/sub/deeper/c.txt", "ccc");
        Assert.Equal(3, Lines(Ok(await Storage("cp", Local("tree"), $"memtest://{c}/tree", "--recursive"))).Length);

        Assert.Contains($"2026-01-02 ", Ok(await Storage("ls", "memtest://")).Output, StringComparison.Ordinal);
        Assert.Contains($" {c}\n", Ok(await Storage("ls", "memtest://")).Output, StringComparison.Ordinal);
        Assert.Equal(["                           PRE tree/"], Lines(Ok(await Storage("ls", $"memtest://{c}"))));
        var tree = Lines(Ok(await Storage("ls", $"memtest://{c}/tree/")));
        Assert.Equal(2, tree.Length);
        Assert.Equal("                           PRE sub/", tree[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d          1 a\.txt$", tree[1]);
        var all = Ok(await Storage("ls", $"memtest://{c}", "--recursive", "--summarize", "--human-readable")).Output;
        Assert.Contains("    3 Bytes tree/sub/deeper/c.txt\n", all, StringComparison.Ordinal);
        Assert.EndsWith("\nTotal Objects: 3\n   Total Size: 6 Bytes\n", all, StringComparison.Ordinal);
        Assert.Equal(1, (await Storage("ls", $"memtest://{c}/nothing-here")).ExitCode);
    }

    [Fact]
    public async Task CopiesAcrossProvidersStreamedWithLengthTypeAndMetadata()
    {
        var a = await CreateAsync("memtest");
        var b = await CreateAsync("memtest2");
        var data = new byte[3 * 1024 * 1024 + 17];
        new Random(5).NextBytes(data);
        using (var store = ObjectStores.Open("memtest"))
        {
            var options = new PutOptions { ContentType = "image/png" };
            options.Metadata["Owner"] = "ops";
            await store.PutAsync(a, "in/pic.png", new MemoryStream(data), options);
        }

        Assert.Equal($"copy: memtest://{a}/in/pic.png to memtest2://{b}/out/pic.png\n", Ok(await Storage("cp", $"memtest://{a}/in/pic.png", $"memtest2://{b}/out/")).Output);
        var (copied, info) = Stored(MemoryObjectStore.Second, b, "out/pic.png");
        Assert.Equal(data, copied);
        Assert.Equal("image/png", info.ContentType);
        Assert.Equal("ops", info.Metadata["owner"]);
        var put = MemoryObjectStore.Second.Puts.Single(p => p.Container == b);
        Assert.Equal(data.Length, put.Length);

        // Down to a file, and up again: the file's extension gives the content type.
        var down = Local("down/pic.png");
        Assert.Equal($"download: memtest2://{b}/out/pic.png to {down}\n", Ok(await Storage("cp", $"memtest2://{b}/out/pic.png", down)).Output);
        Assert.Equal(data, await File.ReadAllBytesAsync(down));
        var json = Local("doc.json", "{}");
        Assert.Equal($"upload: {json} to memtest://{a}/doc.json\n", Ok(await Storage("cp", json, $"memtest://{a}")).Output);
        Assert.Equal("application/json", Stored(MemoryObjectStore.First, a, "doc.json").Info.ContentType);
        Assert.Equal(2, MemoryObjectStore.First.Puts.Single(p => p.Container == a && p.Key == "doc.json").Length);

        // Within one store, the copy stays on the server; with the source's own options it is two stores, streamed.
        var before = MemoryObjectStore.First.ServerCopies;
        Ok(await Storage("cp", $"memtest://{a}/doc.json", $"memtest://{a}/copy.json"));
        Assert.Equal(before + 1, MemoryObjectStore.First.ServerCopies);
        Assert.DoesNotContain(MemoryObjectStore.First.Puts, p => p.Container == a && p.Key == "copy.json");
        Ok(await Storage("cp", $"memtest://{a}/doc.json", $"memtest://{a}/streamed.json", "--source-profile", "other"));
        Assert.Equal("{}", Encoding.UTF8.GetString(Stored(MemoryObjectStore.First, a, "streamed.json").Data));
        Assert.Contains(MemoryObjectStore.First.Puts, p => p.Container == a && p.Key == "streamed.json" && p.ContentType == "application/json");
    }

    [Fact]
    public async Task SyncsAcrossProvidersAndBackWithDelete()
    {
        var a = await CreateAsync("memtest");
        var b = await CreateAsync("memtest2");
        var source = Local("src");
        Local("src/a.txt", "a");
        Local("src/sub/b.txt", "b");
        Assert.Equal([$"upload: {source}/a.txt to memtest://{a}/p/a.txt", $"upload: {source}/sub/b.txt to memtest://{a}/p/sub/b.txt"], Lines(Ok(await Storage("sync", source, $"memtest://{a}/p"))));
        Assert.Equal("", Ok(await Storage("sync", source, $"memtest://{a}/p")).Output);

        Assert.Equal(2, Lines(Ok(await Storage("sync", $"memtest://{a}/p", $"memtest2://{b}/q"))).Length);
        Assert.Equal("", Ok(await Storage("sync", $"memtest://{a}/p", $"memtest2://{b}/q")).Output);

        File.Delete(Path.Combine(source, "a.txt"));
        Local("src/sub/b.txt", "changed");
        Assert.Equal([$"delete: memtest://{a}/p/a.txt", $"upload: {source}/sub/b.txt to memtest://{a}/p/sub/b.txt"], Lines(Ok(await Storage("sync", source, $"memtest://{a}/p", "--delete"))));
        Assert.Equal([$"copy: memtest://{a}/p/sub/b.txt to memtest2://{b}/q/sub/b.txt", $"delete: memtest2://{b}/q/a.txt"], Lines(Ok(await Storage("sync", $"memtest://{a}/p", $"memtest2://{b}/q", "--delete"))));

        var target = Local("dst");
        Assert.Single(Lines(Ok(await Storage("sync", $"memtest2://{b}/q", target))));
        Assert.Equal("changed", await File.ReadAllTextAsync(Path.Combine(target, "sub", "b.txt")));
        // Downloads take the object's time, so a second sync finds nothing newer.
        Assert.Equal("", Ok(await Storage("sync", $"memtest2://{b}/q", target)).Output);
        Assert.Equal([$"(dryrun) delete: memtest2://{b}/q/sub/b.txt"], Lines(Ok(await Storage("sync", Directory.CreateDirectory(Local("empty")).FullName, $"memtest2://{b}/q", "--delete", "--dryrun"))));
        Assert.True(MemoryObjectStore.Second.Containers[b].ContainsKey("q/sub/b.txt"));
    }

    [Fact]
    public async Task RemovesSignsUrlsAndRemovesContainers()
    {
        var a = await CreateAsync("memtest");
        Local("r/a.txt", "a");
        Local("r/b.log", "b");
        Local("r/sub/c.txt", "c");
        Ok(await Storage("cp", Local("r"), $"memtest://{a}/r", "--recursive"));
        Assert.Equal($"delete: memtest://{a}/r/b.log\n", Ok(await Storage("rm", $"memtest://{a}/r/b.log")).Output);
        Assert.Equal([$"delete: memtest://{a}/r/a.txt"], Lines(Ok(await Storage("rm", $"memtest://{a}/r/", "--recursive", "--exclude", "sub/*"))));
        Assert.Equal(["r/sub/c.txt"], MemoryObjectStore.First.Containers[a].Keys.ToArray());
        Assert.Equal(252, (await Storage("rm", $"memtest://{a}/r/")).ExitCode);

        Assert.Equal($"https://memtest.invalid/{a}/r%2Fsub%2Fc.txt?method=GET&expires=60\n", Ok(await Storage("url", $"memtest://{a}/r/sub/c.txt", "--expires-in", "60")).Output);
        Assert.Contains("method=PUT&expires=3600", Ok(await Storage("url", $"memtest://{a}/r/sub/c.txt", "--method", "PUT")).Output, StringComparison.Ordinal);
        var noPut = await Storage("url", $"memtest2://x/k", "--method", "PUT");
        Assert.Equal(255, noPut.ExitCode);
        Assert.Equal("stratus: error: memtest2:// cannot sign URLs for PUT\n", noPut.Error);
        Assert.Equal(252, (await Storage("url", $"memtest://{a}/k", "--expires-in", "9999999")).ExitCode);
        Assert.Equal(252, (await Storage("url", $"memtest://{a}/k", "--method", "POST")).ExitCode);

        var notEmpty = await Storage("rb", $"memtest://{a}");
        Assert.Equal(254, notEmpty.ExitCode);
        Assert.Equal($"stratus: error: ContainerNotEmpty: The container {a} is not empty.\n", notEmpty.Error);
        Assert.Equal([$"delete: memtest://{a}/r/sub/c.txt", $"remove_container: memtest://{a}"], Lines(Ok(await Storage("rb", $"memtest://{a}", "--force"))));
        Assert.False(MemoryObjectStore.First.Containers.ContainsKey(a));
        var quiet = await CreateAsync("memtest");
        Assert.Equal("", Ok(await Storage("rb", $"memtest://{quiet}", "--force", "--only-show-errors")).Output);
        Assert.False(MemoryObjectStore.First.Containers.ContainsKey(quiet));
    }

    [Fact]
    public async Task ReportsErrorsOnOneLineWithTheKind()
    {
        var a = await CreateAsync("memtest");
        var missing = await Storage("cp", $"memtest://{a}/none", Local("x"));
        Assert.Equal(254, missing.ExitCode);
        Assert.Equal($"stratus: error: NotFound: memtest://{a}/none does not exist (a prefix needs --recursive)\n", missing.Error);
        Assert.False(File.Exists(Local("x")));

        Local("fail/a.txt", "a");
        Local("fail/b.txt", "b");
        var failed = await Storage("cp", Local("fail"), "memtest2://no-such-container", "--recursive");
        Assert.Equal(1, failed.ExitCode);
        var lines = failed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^upload failed: .*/fail/[ab]\.txt to memtest2://no-such-container/[ab]\.txt ContainerNotFound: The container no-such-container does not exist\.$", l));

        var unknown = await Storage("ls", "nosuch://c");
        Assert.Equal(252, unknown.ExitCode);
        Assert.StartsWith("stratus: error: no object store for 'nosuch://' (known: ", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("memtest://", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(252, (await Storage("ls")).ExitCode);
        Assert.Equal(252, (await Storage("ls", Local("tree"))).ExitCode);
        Assert.Equal(252, (await Storage("cp", "memtest://", Local("y"))).ExitCode);
        Assert.Equal(252, (await Storage("cp", "file://host/x", Local("y"))).ExitCode);
        Assert.Equal(252, (await Storage("frobnicate")).ExitCode);
        Assert.Equal(252, (await Storage("cp", "a", "b", "--setting", "novalue")).ExitCode);
        Assert.Equal(255, (await Storage("cp", Local("none.txt"), $"memtest://{a}/k")).ExitCode);
        foreach (var result in new[] { missing, failed, unknown })
        {
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RefusesKeysThatWouldLeaveTheDestinationDirectory()
    {
        var a = await CreateAsync("memtest");
        using (var store = ObjectStores.Open("memtest"))
        {
            await store.PutAsync(a, "p/ok.txt", new MemoryStream([1]));
            await store.PutAsync(a, "p/../escape.txt", new MemoryStream([2]));
        }
        var result = await Storage("cp", $"memtest://{a}/p", Local("dl"), "--recursive");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"download failed: memtest://{a}/p/../escape.txt to {Local("dl")} the key leads outside the destination directory {Local("dl")}; not written\n", result.Error);
        Assert.True(File.Exists(Local("dl/ok.txt")));
        Assert.False(File.Exists(Local("escape.txt")));
    }

    [Fact]
    public async Task PassesEachSidesSettingsToItsStore()
    {
        var a = await CreateAsync("memtest");
        var b = await CreateAsync("memtest2");
        using (var store = ObjectStores.Open("memtest"))
        {
            await store.PutAsync(a, "k", new MemoryStream([1, 2, 3]));
        }
        var marker = Guid.NewGuid().ToString("N")[..8];
        Ok(await Storage("cp", $"memtest://{a}/k", $"memtest2://{b}/k", "--profile", "dest", "--region", "r1", "--endpoint-url", $"http://dst-{marker}.example",
            "--connection-string", "AccountName=x;AccountKey=secret", "--setting", "auth-url=http://auth.example", "--source-endpoint-url", $"http://src-{marker}.example", "--source-setting", "tenant=t1"));
        var destination = MemoryObjectStore.Second.Opened.Single(s => s.EndpointUrl?.Host == $"dst-{marker}.example");
        Assert.Equal("dest", destination.Profile);
        Assert.Equal("r1", destination.Region);
        Assert.Equal("AccountName=x;AccountKey=secret", destination.Values["connection-string"]);
        Assert.Equal("http://auth.example", destination.Values["auth-url"]);
        var source = MemoryObjectStore.First.Opened.Single(s => s.EndpointUrl?.Host == $"src-{marker}.example");
        Assert.Null(source.Profile);
        Assert.Null(source.Region);
        Assert.Equal("t1", source.Values["tenant"]);
        Assert.False(source.Values.ContainsKey("connection-string"));
        Assert.DoesNotContain("secret", destination.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TakesAzuresConnectionStringFromTheEnvironment()
    {
        var side = new StoreOptions.Side(null, null, null, null, new Dictionary<string, string>());
        Func<string, string?> env = n => n == "AZURE_STORAGE_CONNECTION_STRING" ? "UseDevelopmentStorage=true" : null;
        Assert.Equal("UseDevelopmentStorage=true", side.ToStoreSettings("az", env).Values["connection-string"]);
        Assert.False(side.ToStoreSettings("s3", env).Values.ContainsKey("connection-string"));
        var given = side with { ConnectionString = "AccountName=y" };
        Assert.Equal("AccountName=y", given.ToStoreSettings("az", env).Values["connection-string"]);
    }

    [Fact]
    public void ParsesLocations()
    {
        var remote = Location.Parse("az://box/a/b.txt");
        Assert.Equal(("az", "box", "a/b.txt", "b.txt"), (remote.Scheme, remote.Container, remote.Path, remote.Name));
        Assert.Equal("az://box/a/b.txt/c", remote.Child("c").ToString());
        Assert.Equal("swift://", Location.Parse("SWIFT://").ToString());
        Assert.Equal("", Location.Parse("swift://").Container);
        Assert.Equal("/tmp/x y/", Location.Parse("file:///tmp/x%20y/").Path);
        Assert.False(Location.Parse("file:///tmp/x").IsRemote);
        Assert.True(Location.Parse("-").IsStandardStream);
        Assert.Equal("rel/path", Location.Parse("rel/path").Path);
    }
}
