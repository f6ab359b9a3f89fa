namespace Stratus.Signing;

/// <summary>The canonical request of SigV4 and SigV4a.</summary>
public static class CanonicalRequest
{
    /// <summary>
    /// Joins the parts: method, canonical path, canonical query, canonical headers, a blank line,
    /// signed headers and payload hash.
    /// </summary>
    public static string Build(string method, string canonicalPath, string canonicalQuery, CanonicalHeaders headers, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        return string.Concat(
            [method, "\n", canonicalPath, "\n", canonicalQuery, "\n", headers.Canonical, "\n", headers.Signed, "\n", payloadHash]);
    }

    /// <summary>
    /// Writes SHA-256 of the canonical request into <paramref name="destination"/> without making it a string:
    /// the text is laid out in a stack or pooled buffer and hashed from there.
    /// </summary>
    internal static void Hash(string method, string canonicalPath, string canonicalQuery, List<KeyValuePair<string, string>> sortedHeaders, string signedHeaders, string payloadHash, Span<byte> destination)
    {
        var blockLength = CanonicalHeaders.BlockLength(sortedHeaders);
        var length = method.Length + canonicalPath.Length + canonicalQuery.Length + blockLength + signedHeaders.Length + payloadHash.Length + 5;
        char[]? rented = null;
        var buffer = length <= 1024 ? stackalloc char[1024] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        try
        {
            var span = buffer;
            Line(ref span, method);
            Line(ref span, canonicalPath);
            Line(ref span, canonicalQuery);
            CanonicalHeaders.WriteBlock(span, sortedHeaders);
            span = span[blockLength..];
            span[0] = '\n';
            span = span[1..];
            Line(ref span, signedHeaders);
            payloadHash.CopyTo(span);
            SigningHash.Sha256(buffer[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void Line(ref Span<char> span, string text)
    {
        text.CopyTo(span);
        span[text.Length] = '\n';
        span = span[(text.Length + 1)..];
    }
}
