using System.Buffers.Binary;

namespace Stratus.Testing.Services.S3;

/// <summary>CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5), eight bytes at a time.</summary>
internal static class Crc64Nvme
{
    private const ulong Polynomial = 0x9A6C9329AC4BC9B5;
    private static readonly ulong[][] Tables = BuildTables();

    /// <summary>Continues a CRC over more bytes (start with 0).</summary>
    public static ulong Append(ulong crc, ReadOnlySpan<byte> bytes)
    {
        crc = ~crc;
        var t = Tables;
        while (bytes.Length >= 8)
        {
            crc ^= BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            crc = t[7][crc & 0xFF] ^ t[6][(crc >> 8) & 0xFF] ^ t[5][(crc >> 16) & 0xFF] ^ t[4][(crc >> 24) & 0xFF]
                ^ t[3][(crc >> 32) & 0xFF] ^ t[2][(crc >> 40) & 0xFF] ^ t[1][(crc >> 48) & 0xFF] ^ t[0][crc >> 56];
            bytes = bytes[8..];
        }
        foreach (var b in bytes)
        {
            crc = t[0][(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    private static ulong[][] BuildTables()
    {
        var tables = new ulong[8][];
        for (var k = 0; k < 8; k++)
        {
            tables[k] = new ulong[256];
        }
        for (ulong i = 0; i < 256; i++)
        {
            var c = i;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }
            tables[0][i] = c;
        }
        for (var i = 0; i < 256; i++)
        {
            for (var k = 1; k < 8; k++)
            {
                var prev = tables[k - 1][i];
                tables[k][i] = (prev >> 8) ^ tables[0][prev & 0xFF];
            }
        }
        return tables;
    }
}
