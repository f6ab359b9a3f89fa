using System.Numerics;
using System.Security.Cryptography;

namespace Stratus.Testing.Services.Ec2;

/// <summary>
/// Ed25519 public keys from private seeds (RFC 8032 section 5.1.5), which .NET does not provide: scalar
/// multiplication of the base point in extended coordinates. Only key generation; nothing here signs.
/// Not constant-time: the mock's keys protect nothing.
/// </summary>
internal static class Ed25519
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger BaseY = Mod(4 * Inverse(5));
    private static readonly BigInteger BaseX = RecoverX(BaseY);

    /// <summary>The 32-byte public key of a 32-byte private seed.</summary>
    public static byte[] PublicKey(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException("An Ed25519 seed is 32 bytes.", nameof(seed));
        }
        var h = SHA512.HashData(seed);
        h[0] &= 248;
        h[31] &= 127;
        h[31] |= 64;
        var scalar = new BigInteger(h.AsSpan(0, 32), isUnsigned: true, isBigEndian: false);
        var (x, y, z, _) = Multiply(scalar, (BaseX, BaseY, BigInteger.One, Mod(BaseX * BaseY)));
        var zInverse = Inverse(z);
        var affineX = Mod(x * zInverse);
        var affineY = Mod(y * zInverse);
        var encoded = new byte[32];
        affineY.TryWriteBytes(encoded, out _, isUnsigned: true, isBigEndian: false);
        encoded[31] |= (byte)(affineX.IsEven ? 0 : 0x80);
        return encoded;
    }

    private static (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) Multiply(BigInteger scalar, (BigInteger, BigInteger, BigInteger, BigInteger) point)
    {
        (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) result = (BigInteger.Zero, BigInteger.One, BigInteger.One, BigInteger.Zero);
        var addend = point;
        while (!scalar.IsZero)
        {
            if (!scalar.IsEven)
            {
                result = Add(result, addend);
            }
            addend = Add(addend, addend);
            scalar >>= 1;
        }
        return result;
    }

    /// <summary>Point addition in extended coordinates (RFC 8032 section 5.1.4; complete, so it doubles too).</summary>
    private static (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) Add(
        (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) p, (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) q)
    {
        var a = Mod((p.Y - p.X) * (q.Y - q.X));
        var b = Mod((p.Y + p.X) * (q.Y + q.X));
        var c = Mod(p.T * 2 * D * q.T);
        var d = Mod(p.Z * 2 * q.Z);
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return (Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    /// <summary>The even x of the curve point with this y (RFC 8032 section 5.1.3).</summary>
    private static BigInteger RecoverX(BigInteger y)
    {
        var xx = Mod((y * y - 1) * Inverse(D * y * y + 1));
        var x = BigInteger.ModPow(xx, (P + 3) / 8, P);
        if (Mod(x * x - xx) != 0)
        {
            x = Mod(x * BigInteger.ModPow(2, (P - 1) / 4, P));
        }
        return x.IsEven ? x : P - x;
    }

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    private static BigInteger Mod(BigInteger value)
    {
        var r = value % P;
        return r.Sign < 0 ? r + P : r;
    }
}
