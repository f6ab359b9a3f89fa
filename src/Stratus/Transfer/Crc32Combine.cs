namespace Stratus.Transfer;

/// <summary>
/// Combines the CRCs of two adjacent pieces of data into the CRC of both, without the data (zlib's
/// <c>crc32_combine</c>: multiplying by x^(8·len) over GF(2)). Works for any reflected 32-bit CRC with
/// all-ones init and final xor, which CRC-32 and CRC-32C are.
/// </summary>
internal static class Crc32Combine
{
    public const uint Crc32Polynomial = 0xEDB88320;
    public const uint Crc32CPolynomial = 0x82F63B78;

    /// <summary>The CRC of A then B, given crc(A), crc(B) and B's length.</summary>
    public static uint Combine(uint crcA, uint crcB, long lengthB, uint polynomial)
    {
        if (lengthB <= 0)
        {
            return crcA;
        }
        Span<uint> even = stackalloc uint[32];
        Span<uint> odd = stackalloc uint[32];
        odd[0] = polynomial; // the operator for one zero bit
        var row = 1u;
        for (var n = 1; n < 32; n++)
        {
            odd[n] = row;
            row <<= 1;
        }
        Square(even, odd); // two zero bits
        Square(odd, even); // four zero bits
        do
        {
            Square(even, odd);
            if ((lengthB & 1) != 0)
            {
                crcA = Times(even, crcA);
            }
            lengthB >>= 1;
            if (lengthB == 0)
            {
                break;
            }
            Square(odd, even);
            if ((lengthB & 1) != 0)
            {
                crcA = Times(odd, crcA);
            }
            lengthB >>= 1;
        }
        while (lengthB != 0);
        return crcA ^ crcB;
    }

    private static uint Times(ReadOnlySpan<uint> matrix, uint vector)
    {
        var sum = 0u;
        for (var i = 0; vector != 0; i++, vector >>= 1)
        {
            if ((vector & 1) != 0)
            {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void Square(Span<uint> square, ReadOnlySpan<uint> matrix)
    {
        for (var n = 0; n < 32; n++)
        {
            square[n] = Times(matrix, matrix[n]);
        }
    }
}
