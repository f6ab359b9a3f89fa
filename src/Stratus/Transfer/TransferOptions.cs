namespace Stratus.Transfer;

/// <summary>How a <see cref="TransferManager"/> splits and checks transfers. Memory per transfer is at most about <see cref="PartSize"/> × <see cref="MaxConcurrency"/>.</summary>
public sealed record TransferOptions
{
    /// <summary>The smallest part S3 accepts (except the last): 5 MiB.</summary>
    public const long MinPartSize = 5L * 1024 * 1024;

    /// <summary>The size of each part (upload) or range (download). Default 8 MiB; at least 5 MiB. Raised for an upload of known size that would otherwise need more than 10,000 parts.</summary>
    public long PartSize { get; init; } = 8L * 1024 * 1024;

    /// <summary>How many parts or ranges are in flight at once. Default 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Uploads larger than this use multipart upload; smaller ones one PutObject. Default 8 MiB.</summary>
    public long MultipartThreshold { get; init; } = 8L * 1024 * 1024;

    /// <summary>The checksum sent with uploads and verified for downloads. Default CRC-32C.</summary>
    public TransferChecksumAlgorithm ChecksumAlgorithm { get; init; } = TransferChecksumAlgorithm.Crc32C;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PartSize, MinPartSize, nameof(PartSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PartSize, 1L << 30, nameof(PartSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(MultipartThreshold, nameof(MultipartThreshold));
    }
}
