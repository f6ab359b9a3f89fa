using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.S3;

/// <summary>Names of the checksum algorithms as S3 writes them, and reading the checksums a request carries.</summary>
internal static class S3Checksums
{
    public static readonly S3ChecksumAlgorithm[] All =
        [S3ChecksumAlgorithm.Crc32, S3ChecksumAlgorithm.Crc32C, S3ChecksumAlgorithm.Crc64Nvme, S3ChecksumAlgorithm.Sha1, S3ChecksumAlgorithm.Sha256];

    /// <summary>The algorithm's name in S3's API (<c>CRC32</c>, <c>SHA256</c>, ...).</summary>
    public static string Name(S3ChecksumAlgorithm algorithm) => algorithm switch
    {
        S3ChecksumAlgorithm.Crc32 => "CRC32",
        S3ChecksumAlgorithm.Crc32C => "CRC32C",
        S3ChecksumAlgorithm.Crc64Nvme => "CRC64NVME",
        S3ChecksumAlgorithm.Sha1 => "SHA1",
        _ => "SHA256",
    };

    /// <summary>The algorithm's name in error messages.</summary>
    public static string DisplayName(S3ChecksumAlgorithm algorithm) => Name(algorithm);

    /// <summary>The member carrying the checksum (<c>ChecksumCRC32</c>, ...).</summary>
    public static string Member(S3ChecksumAlgorithm algorithm) => "Checksum" + Name(algorithm);

    /// <summary>The digest's length in bytes.</summary>
    public static int DigestLength(S3ChecksumAlgorithm algorithm) => algorithm switch
    {
        S3ChecksumAlgorithm.Crc32 or S3ChecksumAlgorithm.Crc32C => 4,
        S3ChecksumAlgorithm.Crc64Nvme => 8,
        S3ChecksumAlgorithm.Sha1 => 20,
        _ => 32,
    };

    /// <summary>Whether the algorithm can checksum a whole multipart object (the CRCs can; the SHAs only compose).</summary>
    public static bool SupportsFullObject(S3ChecksumAlgorithm algorithm) =>
        algorithm is S3ChecksumAlgorithm.Crc32 or S3ChecksumAlgorithm.Crc32C or S3ChecksumAlgorithm.Crc64Nvme;

    /// <summary>Parses an algorithm name (case-insensitive).</summary>
    public static bool TryParse(string? name, out S3ChecksumAlgorithm algorithm)
    {
        foreach (var a in All)
        {
            if (string.Equals(Name(a), name, StringComparison.OrdinalIgnoreCase))
            {
                algorithm = a;
                return true;
            }
        }
        algorithm = default;
        return false;
    }

    /// <summary>
    /// The one checksum value a request carries (<c>ChecksumCRC32</c>, ...), or null. Two or more is an error, and so
    /// is a value that is not the base64 of a digest of the algorithm's length.
    /// </summary>
    public static (S3ChecksumAlgorithm Algorithm, string Value)? ReadValue(JsonObject input)
    {
        (S3ChecksumAlgorithm, string)? found = null;
        foreach (var a in All)
        {
            if (!NativeValues.TryGetString(input[Member(a)], out var value) || value.Length == 0)
            {
                continue;
            }
            if (found is not null)
            {
                throw S3Errors.InvalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
            }
            if (!IsValid(a, value))
            {
                throw S3Errors.InvalidChecksumValue(a);
            }
            found = (a, value);
        }
        return found;
    }

    /// <summary>Whether a value is the base64 of a digest of the algorithm's length (a composite value ends in <c>-N</c>).</summary>
    public static bool IsValid(S3ChecksumAlgorithm algorithm, string value)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        var digest = dash < 0 ? value : value[..dash];
        Span<byte> bytes = stackalloc byte[64];
        return Convert.TryFromBase64String(digest, bytes, out var n) && n == DigestLength(algorithm);
    }
}
