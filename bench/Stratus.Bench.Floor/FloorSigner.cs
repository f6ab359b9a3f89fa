using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Stratus.Bench.Floor;

/// <summary>
/// A minimal SigV4 signer for the requests the floor client sends: header signing, the path signed as sent
/// (the floor's paths need no encoding), the query sorted by key, the signing key cached per day.
/// </summary>
public sealed class FloorSigner(string accessKey, string secretKey, string region, string service)
{
    /// <summary>The hex SHA-256 of an empty payload.</summary>
    public const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>What S3 accepts in place of a payload hash.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    private readonly Lock _gate = new();
    private string _keyDate = "";
    private byte[] _key = [];

    /// <summary>The lowercase hex SHA-256 of a payload.</summary>
    public static string Hash(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    /// <summary>Adds x-amz-date (and for S3 x-amz-content-sha256) and the Authorization header.</summary>
    /// <param name="request">The request; its URI carries host, path and query.</param>
    /// <param name="payloadHash">The payload's hash, or <see cref="UnsignedPayload"/>.</param>
    /// <param name="target">The X-Amz-Target header to sign, if any (already on the request).</param>
    /// <param name="now">The signing time (UTC).</param>
    public void Sign(HttpRequestMessage request, string payloadHash, string? target, DateTime now)
    {
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var uri = request.RequestUri!;
        var s3 = service == "s3";
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        if (s3)
        {
            request.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        }

        var canonical = Builder();
        canonical.Append(request.Method.Method).Append('\n').Append(uri.AbsolutePath).Append('\n');
        AppendCanonicalQuery(canonical, uri.Query);
        canonical.Append('\n').Append("host:").Append(uri.Authority).Append('\n');
        if (s3)
        {
            canonical.Append("x-amz-content-sha256:").Append(payloadHash).Append('\n');
        }
        canonical.Append("x-amz-date:").Append(amzDate).Append('\n');
        if (target is not null)
        {
            canonical.Append("x-amz-target:").Append(target).Append('\n');
        }
        var signedHeaders = s3 ? "host;x-amz-content-sha256;x-amz-date" : target is null ? "host;x-amz-date" : "host;x-amz-date;x-amz-target";
        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);

        // Hash and sign on the stack: the only strings made are the ones that go on the wire.
        Span<byte> hash = stackalloc byte[32];
        Sha256(canonical, hash);
        Span<char> hex = stackalloc char[64];
        Convert.TryToHexStringLower(hash, hex, out _);
        var toSign = canonical.Clear().Append("AWS4-HMAC-SHA256\n").Append(amzDate).Append('\n')
            .Append(date).Append('/').Append(region).Append('/').Append(service).Append("/aws4_request\n").Append(hex);
        var bytes = Utf8(toSign, out var rented);
        HMACSHA256.HashData(SigningKey(date), rented.AsSpan(0, bytes), hash);
        ArrayPool<byte>.Shared.Return(rented);
        Convert.TryToHexStringLower(hash, hex, out _);
        request.Headers.TryAddWithoutValidation("Authorization", string.Concat(
            ["AWS4-HMAC-SHA256 Credential=", accessKey, "/", date, "/", region, "/", service, "/aws4_request, SignedHeaders=", signedHeaders, ", Signature=", new string(hex)]));
    }

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private static StringBuilder Builder() => (t_builder ??= new StringBuilder(512)).Clear();

    private static void Sha256(StringBuilder text, Span<byte> destination)
    {
        var bytes = Utf8(text, out var rented);
        SHA256.HashData(rented.AsSpan(0, bytes), destination);
        ArrayPool<byte>.Shared.Return(rented);
    }

    // The builder's text as UTF-8 in a pooled array (return it); the length written.
    private static int Utf8(StringBuilder text, out byte[] rented)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        text.CopyTo(0, chars, text.Length);
        rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var n = Encoding.UTF8.GetBytes(chars, 0, text.Length, rented, 0);
        ArrayPool<char>.Shared.Return(chars);
        return n;
    }

    private byte[] SigningKey(string date)
    {
        lock (_gate)
        {
            if (_keyDate != date)
            {
                var k = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
                k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(region));
                k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(service));
                _key = HMACSHA256.HashData(k, "aws4_request"u8);
                _keyDate = date;
            }
            return _key;
        }
    }

    // The floor's queries are already encoded as SigV4 wants (unreserved characters only); sort by key.
    private static void AppendCanonicalQuery(StringBuilder sb, string query)
    {
        if (query.Length <= 1)
        {
            return;
        }
        var pairs = query[1..].Split('&');
        Array.Sort(pairs, StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('&');
            }
            sb.Append(pairs[i]);
            if (!pairs[i].Contains('=', StringComparison.Ordinal))
            {
                sb.Append('=');
            }
        }
    }
}
