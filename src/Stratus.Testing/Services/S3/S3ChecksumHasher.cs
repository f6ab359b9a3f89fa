using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;

using Stratus.Transfer;

namespace Stratus.Testing.Services.S3;

/// <summary>Computes one flexible checksum incrementally; the digest is written as S3 does (big-endian for the CRCs).</summary>
internal sealed class S3ChecksumHasher : IDisposable
{
    private readonly Crc32? _crc32;
    private readonly IncrementalHash? _sha;
    private uint _crc32c;
    private ulong _crc64;

    public S3ChecksumHasher(S3ChecksumAlgorithm algorithm)
    {
        Algorithm = algorithm;
        switch (algorithm)
        {
            case S3ChecksumAlgorithm.Crc32:
                _crc32 = new Crc32();
                break;
            case S3ChecksumAlgorithm.Sha1:
                _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
                break;
            case S3ChecksumAlgorithm.Sha256:
                _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                break;
            case S3ChecksumAlgorithm.Crc32C:
                _crc32c = Crc32C.Initial;
                break;
            default:
                break;
        }
    }

    public S3ChecksumAlgorithm Algorithm { get; }

    /// <summary>The checksum of <paramref name="data"/>, base64.</summary>
    public static string Compute(S3ChecksumAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        using var hasher = new S3ChecksumHasher(algorithm);
        hasher.Append(data);
        return Convert.ToBase64String(hasher.GetDigest());
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        switch (Algorithm)
        {
            case S3ChecksumAlgorithm.Crc32:
                _crc32!.Append(data);
                break;
            case S3ChecksumAlgorithm.Crc32C:
                _crc32c = Crc32C.Append(_crc32c, data);
                break;
            case S3ChecksumAlgorithm.Crc64Nvme:
                _crc64 = Crc64Nvme.Append(_crc64, data);
                break;
            default:
                _sha!.AppendData(data);
                break;
        }
    }

    /// <summary>The digest of everything appended.</summary>
    public byte[] GetDigest()
    {
        switch (Algorithm)
        {
            case S3ChecksumAlgorithm.Crc32:
                var crc32 = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(crc32, _crc32!.GetCurrentHashAsUInt32());
                return crc32;
            case S3ChecksumAlgorithm.Crc32C:
                var crc32c = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(crc32c, Crc32C.Finish(_crc32c));
                return crc32c;
            case S3ChecksumAlgorithm.Crc64Nvme:
                var crc64 = new byte[8];
                BinaryPrimitives.WriteUInt64BigEndian(crc64, _crc64);
                return crc64;
            default:
                return _sha!.GetCurrentHash();
        }
    }

    /// <summary>The digest, base64.</summary>
    public string GetBase64() => Convert.ToBase64String(GetDigest());

    public void Dispose() => _sha?.Dispose();
}
