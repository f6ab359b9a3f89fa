namespace Stratus.Cli.Tests.Storage;

/// <summary>
/// <c>stratus storage ...</c> on <c>s3://</c> as a real process against the mock cloud's loopback server
/// (<c>--endpoint-url</c>). These wait for the S3 store (written on another branch): they are skipped, saying so,
/// until <see cref="Cli.Storage.StoreRegistration"/> registers it.
/// </summary>
public sealed class StorageS3Tests(MockCloudFixture mock) : IClassFixture<MockCloudFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stratus-storage-s3-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<CliProcess.Result> Storage(params string[] args) => CliProcess.RunAsync("dotnet", [CliProcess.StratusDll, "storage", .. args, "--endpoint-url", mock.Endpoint]);

    private static string Unique() => "stcmd-" + Guid.NewGuid().ToString("N")[..10];

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

    private static string[] Lines(CliProcess.Result result) => result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    [StoreFact("s3", "rest-xml")]
    public async Task CopiesListsSyncsSignsAndRemovesOnS3()
    {
        var bucket = Unique();
        Assert.Equal($"make_container: s3://{bucket}\n", (await Storage("mb", "s3://" + bucket)).Ok().Output);
        var big = Local("big.bin");
        var data = new byte[20 * 1024 * 1024];
        new Random(11).NextBytes(data);
        await File.WriteAllBytesAsync(big, data);
        Assert.Equal($"upload: {big} to s3://{bucket}/data/big.bin\n", (await Storage("cp", big, $"s3://{bucket}/data/")).Ok().Output);
        var back = Local("back.bin");
        (await Storage("cp", $"s3://{bucket}/data/big.bin", back)).Ok();
        Assert.Equal(data, await File.ReadAllBytesAsync(back));
        Assert.Contains($"{bucket}\n", (await Storage("ls", "s3://")).Ok().Output, StringComparison.Ordinal);

        Local("tree/a.txt", "a");
        Local("tree/sub/b.txt", "bb");
        Assert.Equal(2, Lines((await Storage("sync", Local("tree"), $"s3://{bucket}/tree")).Ok()).Length);
        Assert.Equal("", (await Storage("sync", Local("tree"), $"s3://{bucket}/tree")).Ok().Output);
        Assert.Equal(["                           PRE data/", "                           PRE tree/"], Lines((await Storage("ls", $"s3://{bucket}")).Ok()));
        Assert.Contains("   20.0 MiB data/big.bin\n", (await Storage("ls", $"s3://{bucket}", "--recursive", "--human-readable")).Ok().Output, StringComparison.Ordinal);

        using (var http = new HttpClient())
        {
            var get = (await Storage("url", $"s3://{bucket}/tree/a.txt", "--expires-in", "60")).Ok().Output.Trim();
            Assert.Equal("a", await http.GetStringAsync(new Uri(get)));
            var put = (await Storage("url", $"s3://{bucket}/put.txt", "--method", "PUT")).Ok().Output.Trim();
            (await http.PutAsync(new Uri(put), new StringContent("put"))).EnsureSuccessStatusCode();
        }
        Assert.Equal("put", (await CliProcess.RunAsync("dotnet", [CliProcess.StratusDll, "storage", "cp", $"s3://{bucket}/put.txt", "-", "--endpoint-url", mock.Endpoint])).Ok().Output);

        var missing = await Storage("cp", $"s3://{bucket}/none", Local("none"));
        Assert.Equal(254, missing.ExitCode);
        Assert.StartsWith("stratus: error: NotFound: ", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, Lines((await Storage("rm", $"s3://{bucket}/tree", "--recursive")).Ok()).Length);
        Assert.Equal(254, (await Storage("rb", $"s3://{bucket}")).ExitCode);
        Assert.Contains($"remove_container: s3://{bucket}", (await Storage("rb", $"s3://{bucket}", "--force")).Ok().Output, StringComparison.Ordinal);
    }
}
