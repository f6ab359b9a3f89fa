using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Transfer;

public sealed partial class TransferManager
{
    /// <summary>HeadObject, then the ranges and how the checksum is checked (part by part for a composite one).</summary>
    private async Task<DownloadPlan> PlanAsync(string bucket, string key, DownloadOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var input = new JsonObject { ["Bucket"] = bucket, ["Key"] = key };
        if (options.VerifyChecksum)
        {
            input["ChecksumMode"] = "ENABLED";
        }
        var head = await _s3.CallAsync("HeadObject", WithExtra("HeadObject", input, options.Input), cancellationToken).ConfigureAwait(false);
        var size = NativeValues.TryGetInt64(head["ContentLength"], out var length) ? length : throw new TransferException(bucket, key, "HeadObject gave no ContentLength.");
        var etag = (string?)head["ETag"] ?? throw new TransferException(bucket, key, "HeadObject gave no ETag.");
        var (algorithm, expected) = options.VerifyChecksum ? StoredChecksum(head) : (TransferChecksumAlgorithm.None, null);
        var composite = expected is not null && ((string?)head["ChecksumType"] == "COMPOSITE" || expected.Contains('-', StringComparison.Ordinal));
        var ranges = composite
            ? await PartRangesAsync(bucket, key, size, expected!, options, cancellationToken).ConfigureAwait(false)
            : DownloadPlan.Split(size, Options.PartSize);
        return new DownloadPlan(bucket, key, etag, size, ranges) { Algorithm = algorithm, Expected = expected, Composite = composite };
    }

    private static (TransferChecksumAlgorithm, string?) StoredChecksum(JsonObject head)
    {
        foreach (var algorithm in (ReadOnlySpan<TransferChecksumAlgorithm>)[TransferChecksumAlgorithm.Crc32C, TransferChecksumAlgorithm.Crc32, TransferChecksumAlgorithm.Sha256])
        {
            if ((string?)head[TransferHasher.Member(algorithm)] is { Length: > 0 } value)
            {
                return (algorithm, value);
            }
        }
        return (TransferChecksumAlgorithm.None, null); // none, or one this manager does not compute (SHA-1, CRC-64/NVME)
    }

    // The object's part layout: part 1's size and the count, checked; when the parts are not all the same size, each one's.
    private async Task<List<(long Offset, long Length)>> PartRangesAsync(string bucket, string key, long size, string expected, DownloadOptions options, CancellationToken cancellationToken)
    {
        async Task<(long Size, int? Count)> HeadPart(int number)
        {
            var input = WithExtra("HeadObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = key, ["PartNumber"] = number }, options.Input);
            var head = await _s3.CallAsync("HeadObject", input, cancellationToken).ConfigureAwait(false);
            NativeValues.TryGetInt64(head["ContentLength"], out var length);
            return (length, NativeValues.TryGetInt64(head["PartsCount"], out var count) ? (int)count : null);
        }
        var (first, partsCount) = await HeadPart(1).ConfigureAwait(false);
        var dash = expected.LastIndexOf('-');
        var count = partsCount ?? (dash > 0 && int.TryParse(expected[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1);
        var sizes = new List<long> { first };
        var last = size - ((count - 1) * first);
        if (last > 0 && last <= first)
        {
            sizes.AddRange(Enumerable.Repeat(first, count - 2));
            if (count > 1)
            {
                sizes.Add(last);
            }
        }
        else
        {
            for (var number = 2; number <= count; number++)
            {
                sizes.Add((await HeadPart(number).ConfigureAwait(false)).Size);
            }
        }
        if (sizes.Sum() != size)
        {
            throw new TransferException(bucket, key, $"the parts' sizes add up to {sizes.Sum()}, not the object's {size}.");
        }
        var ranges = new List<(long, long)>(sizes.Count);
        var offset = 0L;
        foreach (var s in sizes)
        {
            ranges.Add((offset, s));
            offset += s;
        }
        return ranges;
    }
}
