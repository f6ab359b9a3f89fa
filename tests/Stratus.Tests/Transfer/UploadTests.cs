using System.Net;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Transfer;
using static Stratus.Tests.Transfer.TransferHarness;

namespace Stratus.Tests.Transfer;

/// <summary>TransferManager uploads against the in-process mock cloud.</summary>
public sealed class UploadTests
{
    [Fact]
    public async Task A_50_MiB_file_goes_up_in_ten_5_MiB_parts_with_a_full_object_CRC32C()
    {
        await using var h = await CreateAsync();
        var data = Data(50 * MiB);
        var progress = new ProgressLog();
        var result = await h.Manager().UploadFileAsync(h.File(data), Bucket, "big.bin", new UploadOptions { Progress = progress });
        Assert.Equal(10, result.Parts);
        Assert.Equal(10, result.PartsSent);
        Assert.Equal(10, h.Handler.Count("UploadPart"));
        Assert.Equal(TransferHasher.Compute(TransferChecksumAlgorithm.Crc32C, data), result.Checksum);
        Assert.EndsWith("-10\"", result.ETag, StringComparison.Ordinal);
        progress.AssertMonotonicTo(data.Length);
        SameBytes(data, await h.GetAsync("big.bin"));
        var head = await h.S3.CallAsync("HeadObject", new JsonObject { ["Bucket"] = Bucket, ["Key"] = "big.bin", ["ChecksumMode"] = "ENABLED" });
        Assert.Equal(result.Checksum, (string?)head["ChecksumCRC32C"]);
        Assert.Equal("FULL_OBJECT", (string?)head["ChecksumType"]);
        Assert.Equal(0, await h.OpenUploadsAsync());
    }

    [Theory]
    [InlineData(TransferChecksumAlgorithm.Crc32)]
    [InlineData(TransferChecksumAlgorithm.Sha256)]
    [InlineData(TransferChecksumAlgorithm.None)]
    public async Task Other_checksums(TransferChecksumAlgorithm algorithm)
    {
        await using var h = await CreateAsync();
        var data = Data((12 * MiB) + 3);
        var result = await h.Manager(checksum: algorithm).UploadFileAsync(h.File(data), Bucket, "k");
        Assert.Equal(3, result.Parts);
        if (algorithm == TransferChecksumAlgorithm.Sha256)
        {
            Assert.EndsWith("-3", result.Checksum, StringComparison.Ordinal);
        }
        else if (algorithm == TransferChecksumAlgorithm.Crc32)
        {
            Assert.Equal(TransferHasher.Compute(algorithm, data), result.Checksum);
        }
        else
        {
            Assert.Null(result.Checksum);
        }
        SameBytes(data, await h.GetAsync("k"));
    }

    [Fact]
    public async Task A_small_file_is_one_PutObject()
    {
        await using var h = await CreateAsync();
        var data = Data(1000);
        var result = await h.Manager().UploadFileAsync(h.File(data), Bucket, "small");
        Assert.Equal(1, h.Handler.Count("PutObject"));
        Assert.Equal(0, h.Handler.Count("CreateMultipartUpload"));
        Assert.Null(result.UploadId);
        Assert.Equal(TransferHasher.Compute(TransferChecksumAlgorithm.Crc32C, data), result.Checksum);
        SameBytes(data, await h.GetAsync("small"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5 * MiB)]
    [InlineData((5 * MiB) + 1)]
    [InlineData((17 * MiB) + 5)]
    public async Task A_stream_that_cannot_seek_is_read_once_in_order(int length)
    {
        await using var h = await CreateAsync();
        var data = Data(length);
        var progress = new ProgressLog();
        using var stream = new ForwardOnlyStream(new MemoryStream(data));
        var result = await h.Manager().UploadAsync(stream, Bucket, "streamed", new UploadOptions { Progress = progress });
        Assert.Equal(length <= 5 * MiB ? 1 : (length + (5 * MiB) - 1) / (5 * MiB), result.Parts);
        Assert.Equal(length <= 5 * MiB ? 1 : 0, h.Handler.Count("PutObject"));
        SameBytes(data, await h.GetAsync("streamed"));
        if (length > 0)
        {
            Assert.All(progress.Reports, r => Assert.True(r.BytesTransferred <= length));
            Assert.Equal(length, progress.Reports[^1].BytesTransferred);
        }
    }

    [Fact]
    public async Task A_failing_part_aborts_the_upload()
    {
        await using var h = await CreateAsync();
        h.Handler.Before = (op, n, _) => Task.FromResult(op == "UploadPart" && n == 3 ? Error(HttpStatusCode.BadRequest, "InvalidRequest") : null);
        var e = await Assert.ThrowsAsync<ServiceException>(() => h.Manager().UploadFileAsync(h.File(Data(30 * MiB)), Bucket, "doomed"));
        Assert.Equal("InvalidRequest", e.ErrorCode);
        Assert.Equal(1, h.Handler.Count("AbortMultipartUpload"));
        Assert.Equal(0, h.Handler.Count("CompleteMultipartUpload"));
        Assert.Equal(0, await h.OpenUploadsAsync());
    }

    [Fact]
    public async Task Cancellation_aborts_the_upload()
    {
        await using var h = await CreateAsync();
        using var cts = new CancellationTokenSource();
        h.Handler.After = (op, n, response) =>
        {
            if (op == "UploadPart" && n == 2)
            {
                cts.Cancel();
            }
            return Task.FromResult(response);
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Manager(concurrency: 2).UploadFileAsync(h.File(Data(30 * MiB)), Bucket, "cancelled", null, cts.Token));
        Assert.Equal(1, h.Handler.Count("AbortMultipartUpload"));
        Assert.Equal(0, await h.OpenUploadsAsync());
    }

    [Fact]
    public async Task An_interrupted_upload_resumes_sending_only_the_missing_parts()
    {
        await using var h = await CreateAsync();
        var data = Data(50 * MiB, seed: 3);
        var path = h.File(data);
        using var cts = new CancellationTokenSource();
        h.Handler.After = (op, n, response) =>
        {
            if (op == "UploadPart" && n == 4)
            {
                cts.Cancel();
            }
            return Task.FromResult(response);
        };
        MultipartUploadState? started = null;
        var first = new UploadOptions { AbortOnFailure = false, Started = s => started = s };
        // One part at a time, so the parts before the 4th are all stored when it cancels (with two in flight, the 3rd
        // could still be in transfer when the 4th's answer cancels it, leaving only 3 parts: a timing-dependent result).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Manager(concurrency: 1).UploadFileAsync(path, Bucket, "resumed", first, cts.Token));
        Assert.NotNull(started);
        Assert.Equal(1, await h.OpenUploadsAsync());
        var listed = await h.S3.CallAsync("ListParts", new JsonObject { ["Bucket"] = Bucket, ["Key"] = "resumed", ["UploadId"] = started.UploadId });
        var there = ((JsonArray)listed["Parts"]!).Count;
        Assert.InRange(there, 4, 9);

        h.Handler.After = null;
        h.Handler.Reset();
        var token = MultipartUploadState.Parse(started.ToToken());
        var progress = new ProgressLog();
        var result = await h.Manager().UploadFileAsync(path, Bucket, "resumed", new UploadOptions { Resume = token, Progress = progress });
        Assert.Equal(10 - there, h.Handler.Count("UploadPart"));
        Assert.Equal(10 - there, result.PartsSent);
        Assert.Equal(10, result.Parts);
        Assert.Equal(0, h.Handler.Count("CreateMultipartUpload"));
        progress.AssertMonotonicTo(data.Length);
        SameBytes(data, await h.GetAsync("resumed"));
        Assert.Equal(0, await h.OpenUploadsAsync());
    }

    [Fact]
    public async Task A_resumed_part_whose_data_changed_is_sent_again()
    {
        await using var h = await CreateAsync();
        var data = Data(15 * MiB, seed: 4);
        using var cts = new CancellationTokenSource();
        h.Handler.After = (op, n, response) =>
        {
            if (op == "UploadPart" && n == 2)
            {
                cts.Cancel();
            }
            return Task.FromResult(response);
        };
        MultipartUploadState? started = null;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Manager(concurrency: 1).UploadFileAsync(h.File(data), Bucket, "changed",
            new UploadOptions { AbortOnFailure = false, Started = s => started = s }, cts.Token));
        h.Handler.After = null;
        h.Handler.Reset();
        data[10] ^= 0xFF; // part 1 differs now: same size, other CRC
        var result = await h.Manager().UploadFileAsync(h.File(data), Bucket, "changed", new UploadOptions { Resume = started });
        Assert.Equal(2, result.PartsSent); // part 1 again and part 3; part 2 kept
        SameBytes(data, await h.GetAsync("changed"));
    }

    [Fact]
    public async Task Extra_input_goes_to_the_calls_that_take_it()
    {
        await using var h = await CreateAsync();
        var extra = new JsonObject { ["ContentType"] = "application/x-test", ["Metadata"] = new JsonObject { ["origin"] = "tests" } };
        await h.Manager().UploadFileAsync(h.File(Data(11 * MiB)), Bucket, "typed", new UploadOptions { Input = extra });
        var head = await h.S3.CallAsync("HeadObject", new JsonObject { ["Bucket"] = Bucket, ["Key"] = "typed" });
        Assert.Equal("application/x-test", (string?)head["ContentType"]);
        Assert.Equal("tests", (string?)head["Metadata"]!["origin"]);
    }

    [Fact]
    public void Options_are_checked()
    {
        using var s3 = Aws.Connect("s3", new ClientOptions { Region = "us-east-1", Unsigned = true });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransferManager(s3, new TransferOptions { PartSize = MiB }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransferManager(s3, new TransferOptions { MaxConcurrency = 0 }));
        using var sqs = Aws.Connect("sqs", new ClientOptions { Region = "us-east-1", Unsigned = true });
        Assert.Throws<ArgumentException>(() => new TransferManager(sqs));
    }
}
