using Stratus.Cli.Storage;
using Stratus.Storage;

namespace Stratus.Cli.Tests.Storage;

/// <summary><c>stratus storage ...</c> as a real process: local files, standard streams, help and errors.</summary>
public sealed class StorageProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stratus-storage-p-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<CliProcess.Result> Storage(string[] args, string? stdin = null) =>
        CliProcess.RunAsync("dotnet", [CliProcess.StratusDll, "storage", .. args], stdin: stdin);

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

    [Fact]
    public async Task CopiesAndSyncsLocalFilesAndStandardStreams()
    {
        var a = Local("src/a.txt", "alpha");
        Local("src/sub/b.txt", "beta");
        var into = Local("one") + "/";
        Assert.Equal($"copy: {a} to {into}a.txt\n", (await Storage(["cp", a, "file://" + into])).Ok().Output);
        Assert.Equal("alpha", await File.ReadAllTextAsync(into + "a.txt"));

        var copied = (await Storage(["cp", Local("src"), Local("tree"), "--recursive"])).Ok().Output;
        Assert.Equal(2, copied.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("beta", await File.ReadAllTextAsync(Local("tree/sub/b.txt")));
        Assert.Equal("", (await Storage(["sync", Local("src"), Local("tree")])).Ok().Output);
        Local("src/c.txt", "gamma");
        Assert.Equal($"copy: {Local("src/c.txt")} to {Local("tree/c.txt")}\n", (await Storage(["sync", Local("src"), Local("tree")])).Ok().Output);

        Assert.Equal($"copy: - to {Local("in.txt")}\n", (await Storage(["cp", "-", Local("in.txt")], stdin: "from stdin")).Ok().Output);
        Assert.Equal("from stdin", await File.ReadAllTextAsync(Local("in.txt")));
        Assert.Equal("alpha", (await Storage(["cp", a, "-"])).Ok().Output);
    }

    [Fact]
    public async Task ReportsErrorsOnOneLineWithExitCodes()
    {
        var missing = await Storage(["cp", Local("none.txt"), Local("x.txt")]);
        Assert.Equal(255, missing.ExitCode);
        Assert.Equal($"stratus: error: The user-provided path {Local("none.txt")} does not exist.\n", missing.Error);
        var unknown = await Storage(["cp", Local("none.txt"), "nosuch://c/k"]);
        Assert.Equal(252, unknown.ExitCode);
        Assert.Single(unknown.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(252, (await Storage(["cp", "only-one"])).ExitCode);
        Assert.Equal(252, (await Storage(["sync", "-", Local("x")])).ExitCode);
        foreach (var result in new[] { missing, unknown })
        {
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HelpNamesTheCommandsAndHowCredentialsAreRead()
    {
        var help = (await Storage(["help"])).Ok().Output;
        foreach (var verb in new[] { "cp", "ls", "rm", "sync", "url" })
        {
            Assert.Contains($"\n  {verb} ", help, StringComparison.Ordinal);
        }
        Assert.Contains("AZURE_STORAGE_CONNECTION_STRING", help, StringComparison.Ordinal);
        Assert.Contains("--source-endpoint-url", (await Storage(["cp", "--help"])).Ok().Output, StringComparison.Ordinal);
        Assert.Contains("\n  storage ", (await InProcess.RunAsync("help")).Output, StringComparison.Ordinal);
    }
}

/// <summary>A fact that needs a provider's store registered by <see cref="StoreRegistration"/>: skipped, saying so, until it is merged.</summary>
public sealed class StoreFactAttribute : FactAttribute
{
    public StoreFactAttribute(string scheme, string protocol)
    {
        StoreRegistration.EnsureRegistered();
        if (!ObjectStores.Schemes.Contains(scheme))
        {
            Skip = $"no {scheme}:// store is registered on this branch yet (src/Stratus.Cli/Storage/StoreRegistration.cs: the lead wires it at merge).";
        }
        else if (!Protocols.Server.ServerProtocolRegistry.IsSupported(protocol))
        {
            Skip = $"the mock cloud has no server side for the '{protocol}' protocol on this branch yet.";
        }
    }
}
