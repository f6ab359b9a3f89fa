namespace Stratus.Cli.Tests.Storage;

/// <summary>
/// <c>stratus storage</c> as a real process across two real providers' emulators: Swift (native API, TempAuth,
/// EMU_SWIFT_AUTH_URL) and azurite (EMU_AZURE_CONNECTION_STRING), credentials passed as those providers' users pass
/// them (ST_* variables, AZURE_STORAGE_CONNECTION_STRING). Skipped, saying why, without the emulators or the stores.
/// </summary>
public sealed class StorageEmulatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stratus-storage-emu-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<CliProcess.Result> Storage(params string[] args) =>
        CliProcess.RunAsync("dotnet", [CliProcess.StratusDll, "storage", .. args], new Dictionary<string, string?>
        {
            ["ST_AUTH"] = Environment.GetEnvironmentVariable("EMU_SWIFT_AUTH_URL"),
            ["ST_USER"] = "test:tester",
            ["ST_KEY"] = "testing",
            ["AZURE_STORAGE_CONNECTION_STRING"] = Environment.GetEnvironmentVariable("EMU_AZURE_CONNECTION_STRING"),
        });

    [EmulatorStoreFact]
    public async Task CopiesFromSwiftToAzureStreamedAndBack()
    {
        var container = "stcli-" + Guid.NewGuid().ToString("N")[..10];
        try
        {
            (await Storage("mb", "swift://" + container)).Ok();
            (await Storage("mb", "az://" + container)).Ok();
            var data = new byte[12 * 1024 * 1024 + 5];
            new Random(3).NextBytes(data);
            var file = Path.Combine(_dir, "data.json");
            await File.WriteAllBytesAsync(file, data);
            Directory.CreateDirectory(Path.Combine(_dir, "tree", "sub"));
            await File.WriteAllTextAsync(Path.Combine(_dir, "tree", "a.txt"), "a");
            await File.WriteAllTextAsync(Path.Combine(_dir, "tree", "sub", "b.txt"), "bb");

            (await Storage("cp", file, $"swift://{container}/in/data.json")).Ok();
            Assert.Equal($"copy: swift://{container}/in/data.json to az://{container}/out/data.json\n",
                (await Storage("cp", $"swift://{container}/in/data.json", $"az://{container}/out/")).Ok().Output);
            var back = Path.Combine(_dir, "back.json");
            (await Storage("cp", $"az://{container}/out/data.json", back)).Ok();
            Assert.Equal(data, await File.ReadAllBytesAsync(back));
            Assert.Matches($@" {data.Length} data\.json\n$", (await Storage("ls", $"az://{container}/out/")).Ok().Output);

            (await Storage("cp", Path.Combine(_dir, "tree"), $"swift://{container}/tree", "--recursive")).Ok();
            Assert.Equal(2, (await Storage("sync", $"swift://{container}/tree", $"az://{container}/tree")).Ok().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal("", (await Storage("sync", $"swift://{container}/tree", $"az://{container}/tree")).Ok().Output);
            // Swift signs temporary URLs with the account's key, which a fresh all-in-one does not have: set it as an
            // operator would (the same key the runtime's tests use, since they share the account and may run at once).
            using (var swift = new Stratus.OpenStack.Swift.SwiftClient(new Stratus.OpenStack.Auth.OpenStackCredentials
            {
                AuthUrl = new Uri(Environment.GetEnvironmentVariable("EMU_SWIFT_AUTH_URL")!),
                Kind = Stratus.OpenStack.Auth.OpenStackAuthKind.TempAuth,
                Username = "test:tester",
                Password = "testing",
            }))
            {
                await swift.SetTempUrlKeyAsync("stratus-tests-temp-url-key");
            }
            using var http = new HttpClient();
            foreach (var scheme in new[] { "swift", "az" })
            {
                var url = (await Storage("url", $"{scheme}://{container}/tree/sub/b.txt", "--expires-in", "120")).Ok().Output.Trim();
                Assert.Equal("bb", await http.GetStringAsync(new Uri(url)));
            }
            var missing = await Storage("cp", $"swift://{container}/none", $"az://{container}/none");
            Assert.Equal(254, missing.ExitCode);
            Assert.StartsWith("stratus: error: NotFound: ", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            await Storage("rb", "az://" + container, "--force", "--only-show-errors");
            await Storage("rb", "swift://" + container, "--force", "--only-show-errors");
            // The Swift store keeps large objects' segments in a container of their own.
            await Storage("rb", $"swift://{container}_segments", "--force", "--only-show-errors");
        }
    }
}

/// <summary>A fact that needs the Swift and azurite emulators and both stores registered; skipped, saying why, otherwise.</summary>
public sealed class EmulatorStoreFactAttribute : FactAttribute
{
    public EmulatorStoreFactAttribute()
    {
        Cli.Storage.StoreRegistration.EnsureRegistered();
        if (Environment.GetEnvironmentVariable("EMU_SWIFT_AUTH_URL") is not { Length: > 0 } || Environment.GetEnvironmentVariable("EMU_AZURE_CONNECTION_STRING") is not { Length: > 0 })
        {
            Skip = "EMU_SWIFT_AUTH_URL and EMU_AZURE_CONNECTION_STRING are not set (scripts/emulators/start.sh writes them).";
        }
        else if (!Stratus.Storage.ObjectStores.Schemes.Contains("swift") || !Stratus.Storage.ObjectStores.Schemes.Contains("az"))
        {
            Skip = "the swift:// and az:// stores are not registered on this branch yet (src/Stratus.Cli/Storage/StoreRegistration.cs: the lead wires them at merge).";
        }
    }
}
