using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace Stratus.Transfer;

/// <summary>One flexible checksum computed incrementally; digests are written as S3 does (CRCs big-endian, base64).</summary>
internal sealed class TransferHasher : IDisposable
{
    private readonly Crc32? _crc32;
    private readonly IncrementalHash? _sha256;
    private uint _crc32c = Crc32C.Initial;

    public TransferHasher(TransferChecksumAlgorithm algorithm)
    {
        Algorithm = algorithm;
        if (algorithm == TransferChecksumAlgorithm.Crc32)
        {
            _crc32 = new Crc32();
        }
        else if (algorithm == TransferChecksumAlgorithm.Sha256)
        {
            _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
    }

    public TransferChecksumAlgorithm Algorithm { get; }

    /// <summary>The S3 input and output member for the algorithm, for example <c>ChecksumCRC32C</c>.</summary>
    public static string Member(TransferChecksumAlgorithm algorithm) => "Checksum" + Name(algorithm);

    /// <summary>The name S3 uses, for example <c>CRC32C</c>.</summary>
    public static string Name(TransferChecksumAlgorithm algorithm) => algorithm switch
    {
        TransferChecksumAlgorithm.Crc32 => "CRC32",
        TransferChecksumAlgorithm.Crc32C => "CRC32C",
        TransferChecksumAlgorithm.Sha256 => "SHA256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Whether a multipart object can carry a full-object checksum combined from its parts' (the CRCs).</summary>
    public static bool IsCrc(TransferChecksumAlgorithm algorithm) => algorithm is TransferChecksumAlgorithm.Crc32 or TransferChecksumAlgorithm.Crc32C;

    public static string Compute(TransferChecksumAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        using var hasher = new TransferHasher(algorithm);
        hasher.Append(data);
        return hasher.Base64();
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        switch (Algorithm)
        {
            case TransferChecksumAlgorithm.Crc32:
                _crc32!.Append(data);
                break;
            case TransferChecksumAlgorithm.Crc32C:
                _crc32c = Crc32C.Append(_crc32c, data);
                break;
            case TransferChecksumAlgorithm.Sha256:
                _sha256!.AppendData(data);
                break;
            default:
                break;
        }
    }

    /// <summary>The CRC value so far (CRC algorithms only).</summary>
    public uint Crc => Algorithm == TransferChecksumAlgorithm.Crc32 ? _crc32!.GetCurrentHashAsUInt32() : Crc32C.Finish(_crc32c);

    public byte[] Digest()
    {
        if (Algorithm == TransferChecksumAlgorithm.Sha256)
        {
            return _sha256!.GetCurrentHash();
        }
        var digest = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(digest, Crc);
        return digest;
    }

    public string Base64() => Convert.ToBase64String(Digest());

    /// <summary>The full-object CRC of pieces given in order by their CRC and length, base64.</summary>
    public static string CombineCrcs(TransferChecksumAlgorithm algorithm, IEnumerable<(uint Crc, long Length)> pieces)
    {
        var polynomial = algorithm == TransferChecksumAlgorithm.Crc32 ? Crc32Combine.Crc32Polynomial : Crc32Combine.Crc32CPolynomial;
        var first = true;
        var crc = 0u;
        foreach (var (pieceCrc, length) in pieces)
        {
            crc = first ? pieceCrc : Crc32Combine.Combine(crc, pieceCrc, length, polynomial);
            first = false;
        }
        if (first)
        {
            return Compute(algorithm, []);
        }
        var digest = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(digest, crc);
        return Convert.ToBase64String(digest);
    }

    /// <summary>A composite checksum: the checksum of the parts' binary checksums, then <c>-&lt;part count&gt;</c>.</summary>
    public static string Composite(TransferChecksumAlgorithm algorithm, IReadOnlyList<string> partChecksums)
    {
        using var hasher = new TransferHasher(algorithm);
        foreach (var part in partChecksums)
        {
            hasher.Append(Convert.FromBase64String(part));
        }
        return hasher.Base64() + "-" + partChecksums.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The CRC value of a base64 CRC digest.</summary>
    public static uint CrcOf(string base64) => BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(base64));

    public void Dispose()
    {
        _sha256?.Dispose();
    }
}
