using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Stratus.Signing;

/// <summary>SHA-256 and HMAC-SHA256 over UTF-8 text, encoding into stack or pooled buffers instead of new arrays.</summary>
internal static class SigningHash
{
    private const int StackLimit = 512;

    /// <summary>Writes SHA-256(UTF-8(text)) into <paramref name="destination"/> (32 bytes).</summary>
    internal static void Sha256(string text, Span<byte> destination) => Sha256(text.AsSpan(), destination);

    /// <summary>Writes SHA-256(UTF-8(text)) into <paramref name="destination"/> (32 bytes).</summary>
    internal static void Sha256(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = Encoding.UTF8.GetBytes(text, buffer);
            SHA256.HashData(buffer[..n], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Lowercase hex SHA-256 of UTF-8 text.</summary>
    internal static string Sha256Hex(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Sha256(text, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Writes HMAC-SHA256(key, UTF-8(text)) into <paramref name="destination"/> (32 bytes).</summary>
    internal static void HmacSha256(ReadOnlySpan<byte> key, string text, Span<byte> destination) => HmacSha256(key, text.AsSpan(), destination);

    /// <summary>Writes HMAC-SHA256(key, UTF-8(text)) into <paramref name="destination"/> (32 bytes).</summary>
    internal static void HmacSha256(ReadOnlySpan<byte> key, ReadOnlySpan<char> text, Span<byte> destination)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = Encoding.UTF8.GetBytes(text, buffer);
            HMACSHA256.HashData(key, buffer[..n], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Lowercase hex HMAC-SHA256 of UTF-8 text.</summary>
    internal static string HmacSha256Hex(ReadOnlySpan<byte> key, string text)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HmacSha256(key, text, mac);
        return Convert.ToHexStringLower(mac);
    }
}
