namespace Stratus.Testing.Services.S3;

/// <summary>The flexible checksum algorithms the mock S3 verifies and stores.</summary>
internal enum S3ChecksumAlgorithm
{
    /// <summary>CRC-32 (IEEE).</summary>
    Crc32,

    /// <summary>CRC-32C (Castagnoli).</summary>
    Crc32C,

    /// <summary>CRC-64/NVME, S3's default when a client sends no checksum.</summary>
    Crc64Nvme,

    /// <summary>SHA-1.</summary>
    Sha1,

    /// <summary>SHA-256.</summary>
    Sha256,
}
