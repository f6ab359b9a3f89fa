namespace Stratus.Transfer;

/// <summary>
/// How one object is downloaded: its ETag and size, the ranges fetched, and how its stored checksum is checked.
/// A composite checksum is checked per part, so the ranges are then the object's parts.
/// </summary>
internal sealed class DownloadPlan(string bucket, string key, string etag, long size, IReadOnlyList<(long Offset, long Length)> ranges)
{
    public string Bucket { get; } = bucket;

    public string Key { get; } = key;

    public string ETag { get; } = etag;

    public long Size { get; } = size;

    public IReadOnlyList<(long Offset, long Length)> Ranges { get; } = ranges;

    /// <summary>The stored checksum's algorithm, or None when nothing is verified.</summary>
    public TransferChecksumAlgorithm Algorithm { get; init; }

    /// <summary>The stored checksum (base64; a composite one may end in <c>-&lt;parts&gt;</c>).</summary>
    public string? Expected { get; init; }

    /// <summary>Whether the stored checksum is composite (of the parts' checksums).</summary>
    public bool Composite { get; init; }

    /// <summary>The checksum each range needs: the parts' for a composite checksum, CRCs to combine for a full-object CRC, none for a full-object SHA (hashed in order).</summary>
    public TransferChecksumAlgorithm PerRange => Composite || TransferHasher.IsCrc(Algorithm) ? Algorithm : TransferChecksumAlgorithm.None;

    /// <summary>Checks the per-range digests (in order) against the stored checksum; null when it matches.</summary>
    public string? Mismatch(IReadOnlyList<string?> digests, string? sequential)
    {
        if (Algorithm == TransferChecksumAlgorithm.None || Expected is null)
        {
            return null;
        }
        string actual;
        if (Composite)
        {
            actual = TransferHasher.Composite(Algorithm, digests.Select(d => d!).ToList());
            var bare = actual[..actual.LastIndexOf('-')];
            return actual == Expected || bare == Expected ? null : actual;
        }
        actual = TransferHasher.IsCrc(Algorithm)
            ? TransferHasher.CombineCrcs(Algorithm, digests.Select((d, i) => (TransferHasher.CrcOf(d!), Ranges[i].Length)))
            : sequential!;
        return actual == Expected ? null : actual;
    }

    /// <summary>Ranges of <paramref name="partSize"/> bytes covering <paramref name="size"/> (one empty range for an empty object).</summary>
    public static List<(long Offset, long Length)> Split(long size, long partSize)
    {
        var ranges = new List<(long, long)>();
        for (var offset = 0L; offset < size; offset += partSize)
        {
            ranges.Add((offset, Math.Min(partSize, size - offset)));
        }
        if (ranges.Count == 0)
        {
            ranges.Add((0, 0));
        }
        return ranges;
    }
}
