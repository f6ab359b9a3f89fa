using System.Buffers.Binary;
using System.Numerics;

namespace Stratus.Transfer;

/// <summary>
/// CRC-32C (Castagnoli), as S3's CRC32C checksums use it, on the processor's CRC32C instructions where
/// there are any (<see cref="BitOperations.Crc32C(uint, ulong)"/>). System.IO.Hashing has no CRC-32C.
/// </summary>
public static class Crc32C
{
    /// <summary>The running value before any data.</summary>
    public const uint Initial = uint.MaxValue;

    /// <summary>Adds <paramref name="data"/> to a running value (start from <see cref="Initial"/>).</summary>
    public static uint Append(uint running, ReadOnlySpan<byte> data)
    {
        var crc = running;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return crc;
    }

    /// <summary>The checksum of a running value (its final complement).</summary>
    public static uint Finish(uint running) => ~running;
}
