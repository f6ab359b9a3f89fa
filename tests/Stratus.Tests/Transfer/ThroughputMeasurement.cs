using System.Diagnostics;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Testing.Mock;
using Stratus.Tests.TestSupport;
using Stratus.Transfer;
using Xunit.Abstractions;

namespace Stratus.Tests.Transfer;

/// <summary>
/// Upload and download throughput of a 1 GiB file against the mock cloud on a loopback port (as <c>stratus mock
/// serve</c> runs it), with the default options (8 MiB parts, 8 at a time, CRC-32C). Reports; asserts only the content.
/// Run: <c>STRATUS_MEASURE=1 dotnet test tests/Stratus.Tests -c Release --filter "Category=Measure" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ThroughputMeasurement(ITestOutputHelper output)
{
    private const long Size = 1L << 30;

    [MeasureFact]
    [Trait("Category", "Measure")]
    public async Task One_GiB_up_and_down_over_loopback()
    {
        await using var cloud = new MockCloud();
        await using var server = await cloud.StartServerAsync();
        // Over sockets, through a handler that times the completion (the mock joins the parts into one object then).
        using var sockets = new SocketsHttpHandler();
        var completing = Stopwatch.StartNew();
        var completion = TimeSpan.Zero;
        var timing = new InterceptingHandler(sockets)
        {
            Before = (op, _, _) => { if (op == "CompleteMultipartUpload") { completing.Restart(); } return Task.FromResult<HttpResponseMessage?>(null); },
            After = (op, _, response) => { if (op == "CompleteMultipartUpload") { completion = completing.Elapsed; } return Task.FromResult(response); },
        };
        using var s3 = Aws.Connect("s3", new ClientOptions { Region = "us-east-1", EndpointUrl = server.Url, Credentials = new AwsCredentials("test", "test"), Transport = timing });
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "measure" });
        var dir = Path.Combine(Path.GetTempPath(), "stratus-measure-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var source = Path.Combine(dir, "source.bin");
            await WriteRandomAsync(source);
            var manager = new TransferManager(s3);
            var before = GC.GetTotalAllocatedBytes();
            var watch = Stopwatch.StartNew();
            var upload = await manager.UploadFileAsync(source, "measure", "one-gib");
            var up = watch.Elapsed;
            var target = Path.Combine(dir, "target.bin");
            watch.Restart();
            var download = await manager.DownloadFileAsync("measure", "one-gib", target);
            var down = watch.Elapsed;
            output.WriteLine($"upload:   {Size / (1 << 20)} MiB in {up.TotalSeconds:0.00} s = {Size / up.TotalSeconds / (1 << 20):0} MiB/s ({upload.Parts} parts, {upload.Checksum}; of which CompleteMultipartUpload {completion.TotalSeconds:0.00} s)");
            output.WriteLine($"download: {Size / (1 << 20)} MiB in {down.TotalSeconds:0.00} s = {Size / down.TotalSeconds / (1 << 20):0} MiB/s ({download.RangesFetched} ranges, verified {download.Checksum})");
            output.WriteLine($"allocated by the process during both: {(GC.GetTotalAllocatedBytes() - before) / (1 << 20)} MiB (client and mock server together); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB");
            output.WriteLine($"cores: {Environment.ProcessorCount}");
            Assert.Equal(Size, new FileInfo(target).Length);
            Assert.Equal(upload.Checksum, download.Checksum);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task WriteRandomAsync(string path)
    {
        var block = new byte[8 << 20];
        var random = new Random(5);
        await using var file = File.Create(path);
        for (long written = 0; written < Size; written += block.Length)
        {
            random.NextBytes(block);
            await file.WriteAsync(block);
        }
    }
}
