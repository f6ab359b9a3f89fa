using System.Globalization;

namespace Stratus.Protocols;

/// <summary>The three timestamp formats of AWS models: iso8601, rfc822 (HTTP date) and unixTimestamp.</summary>
public static class Timestamps
{
    /// <summary>ISO 8601, as in query and XML bodies.</summary>
    public const string Iso8601 = "iso8601";
    /// <summary>RFC 822 / HTTP date, as in headers.</summary>
    public const string Rfc822 = "rfc822";
    /// <summary>Seconds since the epoch, as in JSON bodies.</summary>
    public const string UnixTimestamp = "unixTimestamp";

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyyMMdd'T'HHmmssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd",
    ];

    private static readonly string[] HttpFormats =
    [
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm:ss.FFF 'GMT'",
        "ddd, dd MMM yyyy HH:mm:ss 'UTC'", "ddd, dd MMM yyyy HH:mm:ss zzz", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy",
    ];

    /// <summary>Converts epoch seconds (possibly fractional) to a timestamp, keeping millisecond precision.</summary>
    public static DateTimeOffset FromEpochSeconds(double seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond / 10_000.0) * 10_000);

    /// <summary>Converts a timestamp to epoch seconds.</summary>
    public static double ToEpochSeconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond;

    /// <summary>Formats a timestamp in the named format.</summary>
    public static string Format(DateTimeOffset value, string format)
    {
        var utc = value.ToUniversalTime();
        return format switch
        {
            Iso8601 => utc.Millisecond != 0 || utc.Microsecond != 0
                ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Rfc822 => utc.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture),
            UnixTimestamp => FormatEpoch(utc),
            _ => throw new ArgumentException($"Unknown timestamp format '{format}'.", nameof(format)),
        };
    }

    /// <summary>Epoch seconds as text: an integer when whole, else up to millisecond precision.</summary>
    public static string FormatEpoch(DateTimeOffset value)
    {
        var ms = value.ToUnixTimeMilliseconds();
        return ms % 1000 == 0
            ? (ms / 1000).ToString(CultureInfo.InvariantCulture)
            : (ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses any of the formats AWS services send: ISO 8601 (with or without offset or fraction), HTTP dates, epoch seconds.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        // Epoch seconds: a plain number (a date has '-' after its first character, a time has ':').
        if (text.Length > 0 && text.AsSpan(1).IndexOfAny('-', ':') < 0
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            value = FromEpochSeconds(epoch);
            return true;
        }
        const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, styles, out value)
            || DateTimeOffset.TryParseExact(text, HttpFormats, CultureInfo.InvariantCulture, styles, out value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out value))
        {
            value = TruncateToMillis(value.ToUniversalTime());
            return true;
        }
        return false;
    }

    /// <summary>Parses a timestamp, throwing <see cref="FormatException"/> when the text is in no known format.</summary>
    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a timestamp in a known format.");

    private static DateTimeOffset TruncateToMillis(DateTimeOffset v) => new(v.UtcTicks - (v.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
