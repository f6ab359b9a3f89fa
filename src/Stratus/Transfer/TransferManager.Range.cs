using System.Buffers;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;

namespace Stratus.Transfer;

public sealed partial class TransferManager
{
    private const int CopyBufferSize = 256 * 1024;
    private const int RangeAttempts = 3;

    /// <summary>
    /// Fetches one range (If-Match the ETag) and hands its bytes to <paramref name="write"/> with their position in
    /// the range; returns the range's checksum when the plan needs one. A body that breaks off is fetched again (the
    /// client already retried failures before the body); progress counts each byte once.
    /// </summary>
    private async Task<string?> FetchRangeAsync(DownloadPlan plan, int index, DownloadOptions options,
        Func<ReadOnlyMemory<byte>, long, CancellationToken, ValueTask> write, ProgressTracker? progress, CancellationToken cancellationToken)
    {
        var (offset, length) = plan.Ranges[index];
        var counted = 0L;
        var chunk = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var hasher = plan.PerRange == TransferChecksumAlgorithm.None ? null : new TransferHasher(plan.PerRange);
                var input = new JsonObject { ["Bucket"] = plan.Bucket, ["Key"] = plan.Key, ["IfMatch"] = plan.ETag };
                if (plan.Size > 0)
                {
                    input["Range"] = $"bytes={offset}-{offset + length - 1}";
                }
                JsonObject result;
                try
                {
                    result = await _s3.CallAsync("GetObject", WithExtra("GetObject", input, options.Input), cancellationToken).ConfigureAwait(false);
                }
                catch (ServiceException e) when (e.StatusCode == 412 || e.ErrorCode == "PreconditionFailed")
                {
                    throw new TransferException(plan.Bucket, plan.Key, $"the object changed during the download (its ETag is no longer {plan.ETag}).", e);
                }
                if (!NativeValues.TryGetStream(result["Body"], out var body))
                {
                    throw new TransferException(plan.Bucket, plan.Key, "GetObject returned no body.");
                }
                try
                {
                    var position = 0L;
                    await using (body.ConfigureAwait(false))
                    {
                        int n;
                        while ((n = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                        {
                            if (position + n > length)
                            {
                                throw new TransferException(plan.Bucket, plan.Key, $"range {offset}+{length} returned more bytes than asked for.");
                            }
                            hasher?.Append(chunk.AsSpan(0, n));
                            await write(chunk.AsMemory(0, n), position, cancellationToken).ConfigureAwait(false);
                            position += n;
                            if (progress is not null && position > counted)
                            {
                                progress.Add(position - counted);
                                counted = position;
                            }
                        }
                    }
                    if (position != length)
                    {
                        throw new IOException($"range {offset}+{length} ended after {position} bytes.");
                    }
                    return hasher?.Base64();
                }
                catch (Exception e) when (e is IOException or HttpRequestException && attempt < RangeAttempts && !cancellationToken.IsCancellationRequested)
                {
                    // The body broke off: fetch the range again.
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
