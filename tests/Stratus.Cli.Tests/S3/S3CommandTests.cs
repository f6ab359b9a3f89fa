using System.Text.RegularExpressions;

namespace Stratus.Cli.Tests.S3;

/// <summary><c>stratus s3 ...</c> as a real process against the mock cloud.</summary>
public sealed partial class S3CommandTests(MockCloudFixture mock) : IClassFixture<MockCloudFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stratus-s3-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<CliProcess.Result> S3(params string[] args) => CliProcess.RunAsync("dotnet", [CliProcess.StratusDll, "s3", .. args, "--endpoint-url", mock.Endpoint], new Dictionary<string, string?> { ["PWD"] = _dir });

    private static string Unique() => "s3cmd-" + Guid.NewGuid().ToString("N")[..10];

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

    [ProtocolFact("rest-xml")]
    public async Task CopiesUpAndDownWithMultipartAndLists()
    {
        var bucket = Unique();
        Assert.Equal($"make_bucket: {bucket}\n", (await S3("mb", "s3://" + bucket)).Ok().Output);
        var big = Local("big.bin");
        var data = new byte[20 * 1024 * 1024];
        new Random(7).NextBytes(data);
        await File.WriteAllBytesAsync(big, data);
        Assert.Equal($"upload: {big} to s3://{bucket}/data/big.bin\n", (await S3("cp", big, $"s3://{bucket}/data/")).Ok().Output);
        var back = Local("back.bin");
        (await S3("cp", $"s3://{bucket}/data/big.bin", back)).Ok();
        Assert.Equal(data, await File.ReadAllBytesAsync(back));

        Local("tree/a.txt", "a");
        Local("tree/sub/b.txt", "bb");
        Assert.Equal(2, Lines((await S3("cp", Local("tree"), $"s3://{bucket}/tree", "--recursive")).Ok()).Length);

        var top = Lines((await S3("ls", $"s3://{bucket}")).Ok());
        Assert.Equal(["                           PRE data/", "                           PRE tree/"], top);
        var tree = Lines((await S3("ls", $"s3://{bucket}/tree/")).Ok());
        Assert.Equal("                           PRE sub/", tree[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d          1 a\.txt$", tree[1]);
        var all = (await S3("ls", $"s3://{bucket}", "--recursive", "--summarize", "--human-readable")).Ok().Output;
        Assert.Contains("   20.0 MiB data/big.bin\n", all, StringComparison.Ordinal);
        Assert.Contains("    2 Bytes tree/sub/b.txt\n", all, StringComparison.Ordinal);
        Assert.EndsWith("\nTotal Objects: 3\n   Total Size: 20.0 MiB\n", all, StringComparison.Ordinal);
        Assert.Contains(bucket, (await S3("ls")).Ok().Output, StringComparison.Ordinal);
        Assert.Equal(1, (await S3("ls", $"s3://{bucket}/nothing-here")).ExitCode);
    }

    [ProtocolFact("rest-xml")]
    public async Task SyncsUpDownAndDeletes()
    {
        var bucket = Unique();
        (await S3("mb", "s3://" + bucket)).Ok();
        var source = Local("src");
        Local("src/a.txt", "a");
        Local("src/sub/b.txt", "b");
        var up = (await S3("sync", source, $"s3://{bucket}/p")).Ok();
        Assert.Equal([$"upload: {source}/a.txt to s3://{bucket}/p/a.txt", $"upload: {source}/sub/b.txt to s3://{bucket}/p/sub/b.txt"], Lines(up));
        Assert.Equal("", (await S3("sync", source, $"s3://{bucket}/p")).Ok().Output);

        var target = Local("dst");
        Assert.Equal(2, Lines((await S3("sync", $"s3://{bucket}/p", target)).Ok()).Length);
        Assert.Equal("b", await File.ReadAllTextAsync(Path.Combine(target, "sub", "b.txt")));
        Assert.Equal("", (await S3("sync", $"s3://{bucket}/p", target)).Ok().Output);

        File.Delete(Path.Combine(source, "a.txt"));
        Local("src/sub/b.txt", "changed");
        var again = Lines((await S3("sync", source, $"s3://{bucket}/p", "--delete")).Ok());
        Assert.Equal([$"delete: s3://{bucket}/p/a.txt", $"upload: {source}/sub/b.txt to s3://{bucket}/p/sub/b.txt"], again);
        var down = Lines((await S3("sync", $"s3://{bucket}/p", target, "--delete")).Ok());
        Assert.Equal([$"delete: {target}/a.txt", $"download: s3://{bucket}/p/sub/b.txt to {target}/sub/b.txt"], down);
        Assert.Equal("changed", await File.ReadAllTextAsync(Path.Combine(target, "sub", "b.txt")));
    }

    [ProtocolFact("rest-xml")]
    public async Task FiltersMovesRemovesAndPresigns()
    {
        var bucket = Unique();
        (await S3("mb", "s3://" + bucket)).Ok();
        Local("f/a.txt", "a");
        Local("f/b.log", "b");
        Local("f/sub/c.txt", "c");
        Local("f/sub/d1.txt", "d");
        var copied = Lines((await S3("cp", Local("f"), $"s3://{bucket}/f", "--recursive", "--exclude", "*", "--include", "*.txt", "--exclude", "sub/d?.txt")).Ok());
        Assert.Equal(2, copied.Length);
        Assert.Equal(["a.txt", "sub/c.txt"], Keys((await S3("ls", $"s3://{bucket}/f/", "--recursive")).Ok(), "f/"));
        (await S3("cp", Local("f"), $"s3://{bucket}/g", "--recursive", "--exclude", "[ab].*")).Ok();
        Assert.Equal(["sub/c.txt", "sub/d1.txt"], Keys((await S3("ls", $"s3://{bucket}/g/", "--recursive")).Ok(), "g/"));

        Assert.Equal($"move: s3://{bucket}/f/a.txt to s3://{bucket}/m/a.txt\n", (await S3("mv", $"s3://{bucket}/f/a.txt", $"s3://{bucket}/m/")).Ok().Output);
        var moved = Local("moved.txt");
        (await S3("mv", $"s3://{bucket}/m/a.txt", moved)).Ok();
        Assert.Equal("a", await File.ReadAllTextAsync(moved));
        Assert.Equal(1, (await S3("ls", $"s3://{bucket}/m/")).ExitCode);

        using (var http = new HttpClient())
        {
            var url = (await S3("presign", $"s3://{bucket}/f/sub/c.txt", "--expires-in", "60")).Ok().Output.Trim();
            Assert.Contains("X-Amz-Expires=60", url, StringComparison.Ordinal);
            Assert.Equal("c", await http.GetStringAsync(new Uri(url)));
        }

        (await S3("cp", moved, $"s3://{bucket}/gx/kept.txt")).Ok();
        Assert.Equal(2, Lines((await S3("rm", $"s3://{bucket}/g", "--recursive")).Ok()).Length);
        Assert.Single(Lines((await S3("ls", $"s3://{bucket}/gx/")).Ok()));
        var rb = await S3("rb", $"s3://{bucket}");
        Assert.Equal(254, rb.ExitCode);
        Assert.Contains("BucketNotEmpty", rb.Error, StringComparison.Ordinal);
        var forced = Lines((await S3("rb", $"s3://{bucket}", "--force")).Ok());
        Assert.Contains($"remove_bucket: {bucket}", forced);
        Assert.NotEqual(0, (await S3("ls", $"s3://{bucket}")).ExitCode);
    }

    [ProtocolFact("rest-xml")]
    public async Task ReportsErrorsOnOneLine()
    {
        var missing = await S3("cp", Local("none.txt"), "s3://whatever-bucket/x");
        Assert.Equal(255, missing.ExitCode);
        Assert.Single(missing.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var usage = await S3("cp", "a", "b");
        Assert.Equal(252, usage.ExitCode);
        Assert.Equal(252, (await S3("frobnicate")).ExitCode);
        Local("fail/a.txt", "a");
        Local("fail/b.txt", "b");
        var failed = await S3("cp", Local("fail"), "s3://no-such-bucket-" + Guid.NewGuid().ToString("N")[..8], "--recursive");
        Assert.Equal(1, failed.ExitCode);
        var lines = failed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^upload failed: .*/fail/[ab]\.txt to s3://no-such-bucket-\w+/[ab]\.txt An error occurred \(NoSuchBucket\) when calling the PutObject operation: ", l));
        Assert.Equal(254, (await S3("ls", "s3://no-such-bucket-" + Guid.NewGuid().ToString("N")[..8])).ExitCode);
    }

    [ProtocolFact("rest-xml", needsAwsCli: true)]
    public async Task LsMatchesTheAwsCli()
    {
        var bucket = Unique();
        (await S3("mb", "s3://" + bucket)).Ok();
        Local("cmp/a.txt", "a");
        Local("cmp/sub/b.txt", new string('b', 3000));
        (await S3("cp", Local("cmp"), $"s3://{bucket}/cmp", "--recursive")).Ok();
        foreach (var args in new[]
        {
            new[] { $"s3://{bucket}" },
            [$"s3://{bucket}/cmp/"],
            [$"s3://{bucket}/cmp"],
            [$"s3://{bucket}", "--recursive"],
            [$"s3://{bucket}", "--recursive", "--human-readable", "--summarize"],
        })
        {
            var stratus = await S3(["ls", .. args]);
            var aws = await CliProcess.RunAsync(AwsCliFactAttribute.Aws, ["s3", "ls", .. args, "--endpoint-url", mock.Endpoint]);
            Assert.Equal(aws.ExitCode, stratus.ExitCode);
            Assert.Equal(NoDates(aws.Output), NoDates(stratus.Output));
        }
    }

    private static string[] Keys(CliProcess.Result result, string prefix) =>
        Lines(result).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]).Select(k => k[prefix.Length..]).ToArray();

    private static string NoDates(string text) => DateTime().Replace(text, "DATE");

    [GeneratedRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")]
    private static partial Regex DateTime();
}
