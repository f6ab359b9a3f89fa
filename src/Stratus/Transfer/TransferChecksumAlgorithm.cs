namespace Stratus.Transfer;

/// <summary>The checksum a transfer sends with each part and verifies for the whole object.</summary>
public enum TransferChecksumAlgorithm
{
    /// <summary>No flexible checksum (the transport's own checks only).</summary>
    None,
    /// <summary>CRC-32 (ISO-HDLC); a multipart object gets a full-object checksum.</summary>
    Crc32,
    /// <summary>CRC-32C (Castagnoli); a multipart object gets a full-object checksum.</summary>
    Crc32C,
    /// <summary>SHA-256; a multipart object gets a composite checksum (of the parts' checksums, suffixed with the part count).</summary>
    Sha256,
}
