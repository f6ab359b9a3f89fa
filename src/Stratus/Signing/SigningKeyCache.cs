using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Stratus.Signing;

/// <summary>
/// Derives SigV4 signing keys (HMAC chain over date, region, service and <c>aws4_request</c>) and keeps
/// the recent ones: a key depends only on secret, date, region and service, so a client signs most
/// requests of a day with one derivation. Thread-safe; bounded by clearing itself when full.
/// </summary>
internal sealed class SigningKeyCache
{
    private readonly ConcurrentDictionary<(string Secret, string Date, string Region, string Service), byte[]> _keys = new();
    private readonly int _capacity;

    internal SigningKeyCache(int capacity) => _capacity = capacity;

    /// <summary>The process-wide cache the signers use.</summary>
    internal static SigningKeyCache Shared { get; } = new(64);

    /// <summary>How many keys are held (for tests).</summary>
    internal int Count => _keys.Count;

    /// <summary>The signing key; the array is shared and must not be changed.</summary>
    internal byte[] Get(string secret, string date, string region, string service)
    {
        var id = (secret, date, region, service);
        if (_keys.TryGetValue(id, out var key))
        {
            return key;
        }
        key = new byte[HMACSHA256.HashSizeInBytes];
        Derive(secret, date, region, service, key);
        if (_keys.Count >= _capacity)
        {
            // Keys of past days are useless; dropping everything now and then is simpler than LRU and as good.
            _keys.Clear();
        }
        return _keys.GetOrAdd(id, key);
    }

    /// <summary>Derives a signing key into <paramref name="destination"/> (32 bytes).</summary>
    internal static void Derive(string secret, string date, string region, string service, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var max = Encoding.UTF8.GetMaxByteCount(secret.Length) + 4;
        byte[]? rented = null;
        var secretKey = max <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(max));
        Span<byte> a = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<byte> b = stackalloc byte[HMACSHA256.HashSizeInBytes];
        try
        {
            "AWS4"u8.CopyTo(secretKey);
            var n = 4 + Encoding.UTF8.GetBytes(secret, secretKey[4..]);
            SigningHash.HmacSha256(secretKey[..n], date, a);
            SigningHash.HmacSha256(a, region, b);
            SigningHash.HmacSha256(b, service, a);
            SigningHash.HmacSha256(a, "aws4_request", destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretKey);
            CryptographicOperations.ZeroMemory(a);
            CryptographicOperations.ZeroMemory(b);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
