using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Transfer;
using static Stratus.Tests.Transfer.TransferHarness;

namespace Stratus.Tests.Transfer;

/// <summary>TransferManager downloads against the in-process mock cloud.</summary>
public sealed class DownloadTests
{
    [Fact]
    public async Task A_50_MiB_object_comes_down_in_ranges_and_its_CRC32C_is_verified()
    {
        await using var h = await CreateAsync();
        var data = Data(50 * MiB, seed: 11);
        var manager = h.Manager();
        await manager.UploadFileAsync(h.File(data), Bucket, "big.bin");
        h.Handler.Reset();
        var progress = new ProgressLog();
        var target = h.PathOf("down.bin");
        var result = await manager.DownloadFileAsync(Bucket, "big.bin", target, new DownloadOptions { Progress = progress });
        Assert.Equal(10, h.Handler.Count("GetObject"));
        Assert.Equal(1, h.Handler.Count("HeadObject"));
        Assert.Equal(TransferHasher.Compute(TransferChecksumAlgorithm.Crc32C, data), result.Checksum);
        SameBytes(data, await File.ReadAllBytesAsync(target));
        progress.AssertMonotonicTo(data.Length);
        Assert.False(File.Exists(target + ".stratus-download"));
        Assert.False(File.Exists(target + ".stratus-download.json"));
    }

    [Theory]
    [InlineData(TransferChecksumAlgorithm.Crc32C, 50 * MiB)]
    [InlineData(TransferChecksumAlgorithm.Sha256, (13 * MiB) + 7)]
    [InlineData(TransferChecksumAlgorithm.Crc32, 100)]
    [InlineData(TransferChecksumAlgorithm.Crc32C, 0)]
    public async Task Into_a_stream_that_cannot_seek_in_order(TransferChecksumAlgorithm algorithm, int length)
    {
        await using var h = await CreateAsync();
        var data = Data(length, seed: 12);
        var manager = h.Manager(checksum: algorithm);
        await manager.UploadFileAsync(h.File(data), Bucket, "k");
        var progress = new ProgressLog();
        using var sink = new MemoryStream();
        using var destination = new WriteOnlyStream(sink);
        var result = await manager.DownloadAsync(Bucket, "k", destination, new DownloadOptions { Progress = progress });
        SameBytes(data, sink.ToArray());
        Assert.NotNull(result.Checksum);
        if (length > 0)
        {
            progress.AssertMonotonicTo(length);
        }
    }

    [Theory]
    [InlineData(TransferChecksumAlgorithm.Sha256)]
    [InlineData(TransferChecksumAlgorithm.Crc32C)]
    public async Task A_composite_checksum_is_verified_part_by_part(TransferChecksumAlgorithm algorithm)
    {
        await using var h = await CreateAsync();
        var data = Data((23 * MiB) + 1, seed: 13);
        // Uploaded elsewhere in 6 MiB parts with a composite checksum; downloaded with 5 MiB ranges: the parts decide.
        var input = new JsonObject { ["Bucket"] = Bucket, ["Key"] = "composite", ["ChecksumAlgorithm"] = TransferHasher.Name(algorithm), ["ChecksumType"] = "COMPOSITE" };
        var uploadId = (string)(await h.S3.CallAsync("CreateMultipartUpload", input))["UploadId"]!;
        var parts = new JsonArray();
        for (var (offset, number) = (0, 1); offset < data.Length; offset += 6 * MiB, number++)
        {
            var size = Math.Min(6 * MiB, data.Length - offset);
            var checksum = TransferHasher.Compute(algorithm, data.AsSpan(offset, size));
            var part = await h.S3.CallAsync("UploadPart", new JsonObject
            {
                ["Bucket"] = Bucket, ["Key"] = "composite", ["UploadId"] = uploadId, ["PartNumber"] = number,
                ["Body"] = NativeValues.Stream(new MemoryStream(data, offset, size)), [TransferHasher.Member(algorithm)] = checksum,
            });
            parts.Add(new JsonObject { ["PartNumber"] = number, ["ETag"] = (string?)part["ETag"], [TransferHasher.Member(algorithm)] = checksum });
        }
        await h.S3.CallAsync("CompleteMultipartUpload", new JsonObject { ["Bucket"] = Bucket, ["Key"] = "composite", ["UploadId"] = uploadId, ["MultipartUpload"] = new JsonObject { ["Parts"] = parts } });
        h.Handler.Reset();
        var target = h.PathOf("composite.bin");
        var result = await h.Manager().DownloadFileAsync(Bucket, "composite", target);
        Assert.EndsWith("-4", result.Checksum, StringComparison.Ordinal);
        Assert.Equal(4, h.Handler.Count("GetObject"));
        SameBytes(data, await File.ReadAllBytesAsync(target));
    }

    [Fact]
    public async Task An_object_that_changes_during_the_download_fails_loudly()
    {
        await using var h = await CreateAsync();
        var manager = h.Manager(concurrency: 1);
        await manager.UploadFileAsync(h.File(Data(20 * MiB)), Bucket, "moving");
        h.Handler.Before = async (op, n, _) =>
        {
            if (op == "GetObject" && n == 2)
            {
                await h.PutAsync("moving", Data(20, seed: 99));
            }
            return null;
        };
        var e = await Assert.ThrowsAsync<TransferException>(() => manager.DownloadFileAsync(Bucket, "moving", h.PathOf("moving.bin")));
        Assert.Contains("changed during the download", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(h.PathOf("moving.bin")));
        Assert.False(File.Exists(h.PathOf("moving.bin") + ".stratus-download"));
        Assert.False(File.Exists(h.PathOf("moving.bin") + ".stratus-download.json"));
    }

    [Fact]
    public async Task Corrupted_bytes_fail_the_checksum_and_are_discarded()
    {
        await using var h = await CreateAsync();
        var manager = h.Manager();
        await manager.UploadFileAsync(h.File(Data(12 * MiB)), Bucket, "corrupt");
        h.Handler.After = async (op, n, response) =>
        {
            if (op != "GetObject" || n != 2)
            {
                return response;
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            bytes[^1] ^= 1;
            var replaced = new ByteArrayContent(bytes);
            foreach (var header in response.Content.Headers)
            {
                replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            response.Content = replaced;
            return response;
        };
        var target = h.PathOf("corrupt.bin");
        var e = await Assert.ThrowsAsync<TransferException>(() => manager.DownloadFileAsync(Bucket, "corrupt", target));
        Assert.Contains("CRC32C", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + ".stratus-download"));
        Assert.False(File.Exists(target + ".stratus-download.json"));
        using var sink = new MemoryStream();
        h.Handler.Reset();
        await Assert.ThrowsAsync<TransferException>(() => manager.DownloadAsync(Bucket, "corrupt", sink));
    }

    [Fact]
    public async Task An_interrupted_file_download_resumes_fetching_only_the_missing_ranges()
    {
        await using var h = await CreateAsync();
        var data = Data(50 * MiB, seed: 14);
        await h.Manager().UploadFileAsync(h.File(data), Bucket, "resume.bin");
        h.Handler.Reset();
        using var cts = new CancellationTokenSource();
        h.Handler.After = (op, n, response) =>
        {
            if (op == "GetObject" && n == 5)
            {
                cts.Cancel();
            }
            return Task.FromResult(response);
        };
        var target = h.PathOf("resume.bin");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Manager(concurrency: 2).DownloadFileAsync(Bucket, "resume.bin", target, null, cts.Token));
        Assert.False(File.Exists(target));
        var sidecar = JsonNode.Parse(await File.ReadAllTextAsync(target + ".stratus-download.json"))!;
        var done = ((JsonObject)sidecar["done"]!).Count;
        Assert.InRange(done, 1, 9);

        h.Handler.After = null;
        h.Handler.Reset();
        var progress = new ProgressLog();
        var result = await h.Manager().DownloadFileAsync(Bucket, "resume.bin", target, new DownloadOptions { Progress = progress });
        Assert.Equal(10 - done, h.Handler.Count("GetObject"));
        Assert.Equal(10 - done, result.RangesFetched);
        progress.AssertMonotonicTo(data.Length);
        SameBytes(data, await File.ReadAllBytesAsync(target));
        Assert.False(File.Exists(target + ".stratus-download.json"));
    }

    [Fact]
    public async Task A_download_of_a_new_object_starts_over()
    {
        await using var h = await CreateAsync();
        await h.Manager().UploadFileAsync(h.File(Data(20 * MiB, seed: 1)), Bucket, "replaced");
        using var cts = new CancellationTokenSource();
        h.Handler.After = (op, n, response) =>
        {
            if (op == "GetObject" && n == 2)
            {
                cts.Cancel();
            }
            return Task.FromResult(response);
        };
        var target = h.PathOf("replaced.bin");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Manager(concurrency: 1).DownloadFileAsync(Bucket, "replaced", target, null, cts.Token));
        h.Handler.After = null;
        var data = Data(20 * MiB, seed: 2);
        await h.Manager().UploadFileAsync(h.File(data), Bucket, "replaced");
        h.Handler.Reset();
        var result = await h.Manager().DownloadFileAsync(Bucket, "replaced", target);
        Assert.Equal(4, result.RangesFetched);
        SameBytes(data, await File.ReadAllBytesAsync(target));
    }
}
