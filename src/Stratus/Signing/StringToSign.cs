namespace Stratus.Signing;

/// <summary>The string to sign of SigV4 and SigV4a.</summary>
public static class StringToSign
{
    /// <summary>The SigV4 algorithm name.</summary>
    public const string SigV4Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The SigV4a algorithm name.</summary>
    public const string SigV4aAlgorithm = "AWS4-ECDSA-P256-SHA256";

    /// <summary>Algorithm, time (<c>yyyyMMddTHHmmssZ</c>), credential scope and the hex SHA-256 of the canonical request, one per line.</summary>
    public static string Build(string algorithm, string amzDate, string credentialScope, string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(amzDate);
        ArgumentNullException.ThrowIfNull(credentialScope);
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        Span<byte> hash = stackalloc byte[System.Security.Cryptography.SHA256.HashSizeInBytes];
        SigningHash.Sha256(canonicalRequest, hash);
        // One string, the hash written into it as hex (no intermediate hex string).
        var length = algorithm.Length + amzDate.Length + credentialScope.Length + 3 + (2 * hash.Length);
        char[]? rented = null;
        var buffer = length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        try
        {
            var span = buffer;
            Append(ref span, algorithm);
            Append(ref span, amzDate);
            Append(ref span, credentialScope);
            Convert.TryToHexStringLower(hash, span, out _);
            return new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Writes the SigV4 signature (HMAC-SHA256 under <paramref name="key"/>) of the string to sign made of these parts
    /// into <paramref name="destination"/>, the string to sign laid out in a stack buffer, never a string.
    /// </summary>
    internal static void Sign(ReadOnlySpan<byte> key, string algorithm, string amzDate, string credentialScope, ReadOnlySpan<byte> canonicalRequestHash, Span<byte> destination)
    {
        var length = algorithm.Length + amzDate.Length + credentialScope.Length + 3 + (2 * canonicalRequestHash.Length);
        char[]? rented = null;
        var buffer = length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        try
        {
            var span = buffer;
            Append(ref span, algorithm);
            Append(ref span, amzDate);
            Append(ref span, credentialScope);
            Convert.TryToHexStringLower(canonicalRequestHash, span, out _);
            SigningHash.HmacSha256(key, buffer[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void Append(ref Span<char> span, string text)
    {
        text.CopyTo(span);
        span[text.Length] = '\n';
        span = span[(text.Length + 1)..];
    }

    /// <summary>The SigV4 credential scope: <c>date/region/service/aws4_request</c>.</summary>
    public static string Scope(string date, string region, string service)
    {
        // A client signs a day's requests with one scope: the last one is kept.
        if (_lastScope is { } last && string.Equals(last.Date, date, StringComparison.Ordinal)
            && string.Equals(last.Region, region, StringComparison.Ordinal) && string.Equals(last.Service, service, StringComparison.Ordinal))
        {
            return last.Text;
        }
        var text = $"{date}/{region}/{service}/aws4_request";
        _lastScope = new ScopeText(date, region, service, text);
        return text;
    }

    private sealed record ScopeText(string Date, string Region, string Service, string Text);

    private static ScopeText? _lastScope;

    /// <summary>The SigV4a credential scope, which names no region: <c>date/service/aws4_request</c>.</summary>
    public static string ScopeV4a(string date, string service) => $"{date}/{service}/aws4_request";

    /// <summary>Formats a time as SigV4 wants it: <c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        string.Create(16, time.UtcDateTime, static (span, utc) =>
        {
            WriteDate(span, utc);
            span[8] = 'T';
            Write2(span[9..], utc.Hour);
            Write2(span[11..], utc.Minute);
            Write2(span[13..], utc.Second);
            span[15] = 'Z';
        });

    /// <summary><see cref="FormatTime"/>, the text kept for the second (a client signs many requests in one).</summary>
    internal static string FormatTimeCached(DateTimeOffset time)
    {
        var second = time.UtcTicks / TimeSpan.TicksPerSecond;
        if (_lastTime is { } last && last.Second == second)
        {
            return last.Text;
        }
        var text = FormatTime(time);
        _lastTime = new TimeText(second, text);
        return text;
    }

    private sealed record TimeText(long Second, string Text);

    private static TimeText? _lastTime;

    /// <summary>The UTC date of a time as <c>yyyyMMdd</c> (the date of <see cref="FormatTime"/>), cached for the day.</summary>
    internal static string FormatDate(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var day = utc.Ticks / TimeSpan.TicksPerDay;
        if (_lastDate is { } last && last.Day == day)
        {
            return last.Text;
        }
        var text = string.Create(8, utc, static (span, d) => WriteDate(span, d));
        _lastDate = new DateText(day, text);
        return text;
    }

    private sealed record DateText(long Day, string Text);

    private static DateText? _lastDate;

    private static void WriteDate(Span<char> span, DateTime utc)
    {
        var year = utc.Year;
        Write2(span, year / 100);
        Write2(span[2..], year % 100);
        Write2(span[4..], utc.Month);
        Write2(span[6..], utc.Day);
    }

    private static void Write2(Span<char> span, int value)
    {
        span[0] = (char)('0' + (value / 10));
        span[1] = (char)('0' + (value % 10));
    }
}
