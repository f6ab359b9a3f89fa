using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Stratus.Credentials;

namespace Stratus.Signing;

/// <summary>
/// The SigV4a key: an ECDSA P-256 private key derived from the credentials with the NIST SP 800-108
/// KDF in counter mode (HMAC-SHA256, key <c>"AWS4A" + secret</c>, label <c>AWS4-ECDSA-P256-SHA256</c>,
/// context access key id and a one-byte counter). The counter advances until the candidate is at most
/// n-2; the private key is candidate + 1. Derived keys are cached per credentials (bounded).
/// </summary>
public static class SigV4aKey
{
    private const int Capacity = 64;
    private const int MaxCounter = 254;

    /// <summary>n - 2, where n is the order of P-256, big-endian.</summary>
    private static ReadOnlySpan<byte> OrderMinusTwo =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x4F,
    ];

    private static readonly ConcurrentDictionary<(string AccessKeyId, string Secret), byte[]> Cache = new();

    /// <summary>The private scalar (32 bytes, big-endian), derived or from the cache. Do not change the array.</summary>
    internal static byte[] PrivateScalar(AwsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var id = (credentials.AccessKeyId, credentials.SecretAccessKey);
        if (Cache.TryGetValue(id, out var d))
        {
            return d;
        }
        d = Derive(credentials.AccessKeyId, credentials.SecretAccessKey);
        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }
        return Cache.GetOrAdd(id, d);
    }

    /// <summary>Creates the ECDSA key (private and public parts) for the credentials; the caller disposes it.</summary>
    public static ECDsa CreateEcdsa(AwsCredentials credentials)
    {
        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = (byte[])PrivateScalar(credentials).Clone(),
        };
        try
        {
            return ECDsa.Create(parameters);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>Derives the private scalar (32 bytes, big-endian) for an access key id and secret.</summary>
    /// <exception cref="CryptographicException">No counter value gave a valid key (vanishingly unlikely).</exception>
    public static byte[] Derive(string accessKeyId, string secretAccessKey)
    {
        ArgumentNullException.ThrowIfNull(accessKeyId);
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        var key = Encoding.UTF8.GetBytes("AWS4A" + secretAccessKey);
        var label = StringToSign.SigV4aAlgorithm;
        var akid = Encoding.UTF8.GetBytes(accessKeyId);
        // 0x00000001 || label || 0x00 || access key id || counter || 0x00000100 (256 bits of output)
        var input = new byte[4 + label.Length + 1 + akid.Length + 1 + 4];
        BinaryPrimitives.WriteInt32BigEndian(input, 1);
        Encoding.ASCII.GetBytes(label, input.AsSpan(4));
        akid.CopyTo(input, 4 + label.Length + 1);
        var counterAt = 4 + label.Length + 1 + akid.Length;
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(counterAt + 1), 256);
        var candidate = new byte[32];
        try
        {
            for (var counter = 1; counter <= MaxCounter; counter++)
            {
                input[counterAt] = (byte)counter;
                HMACSHA256.HashData(key, input, candidate);
                if (CompareBigEndian(candidate, OrderMinusTwo) <= 0)
                {
                    AddOne(candidate);
                    return candidate;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
        throw new CryptographicException("No SigV4a key could be derived from these credentials.");
    }

    /// <summary>Compares two equal-length big-endian unsigned integers without branching on the digits.</summary>
    private static int CompareBigEndian(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        int gt = 0, eq = 1;
        for (var i = 0; i < left.Length; i++)
        {
            int l = left[i], r = right[i];
            gt |= ((r - l) >> 31) & eq;
            eq &= (((l ^ r) - 1) >> 31) & 1;
        }
        return gt + gt + eq - 1;
    }

    private static void AddOne(Span<byte> value)
    {
        var carry = 1;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            var digit = value[i] + carry;
            value[i] = (byte)digit;
            carry = digit >> 8;
        }
    }
}
