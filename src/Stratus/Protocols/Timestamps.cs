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
        // The two forms services send nearly always are read by hand: the general parsers try format after format.
        return TryParseCommon(text.AsSpan().Trim(), out value) || TryParseGeneral(text, out value);
    }

    /// <summary>Every form <see cref="TryParse"/> takes, through the framework's parsers.</summary>
    internal static bool TryParseGeneral(string text, out DateTimeOffset value)
    {
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

    /// <summary>
    /// ISO 8601 in UTC (<c>2025-11-03T09:30:00Z</c>, with an optional fraction) and the HTTP date
    /// (<c>Mon, 03 Nov 2025 09:30:00 GMT</c>), exactly as written (names in their usual case, the weekday the
    /// date's own); anything else, even what the general parsers would take, is left to them. The value is
    /// the one they give: UTC, truncated to the millisecond.
    /// </summary>
    internal static bool TryParseCommon(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        int year, month, day, hour, minute, second;
        long fraction = 0;
        if (s.Length >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[^1] == 'Z')
        {
            if (!Digits(s[..4], out year) || !Digits(s.Slice(5, 2), out month) || !Digits(s.Slice(8, 2), out day)
                || !Digits(s.Slice(11, 2), out hour) || !Digits(s.Slice(14, 2), out minute) || !Digits(s.Slice(17, 2), out second))
            {
                return false;
            }
            if (s.Length > 20)
            {
                // A fraction of 1 to 7 digits, in ticks.
                var digits = s[20..^1];
                if (s[19] != '.' || digits.Length is 0 or > 7 || !Digits(digits, out var f))
                {
                    return false;
                }
                fraction = f;
                for (var i = digits.Length; i < 7; i++)
                {
                    fraction *= 10;
                }
            }
            else if (s[19] != 'Z')
            {
                return false;
            }
        }
        else if (s.Length == 29 && s[3] == ',' && s[4] == ' ' && s[7] == ' ' && s[11] == ' ' && s[16] == ' ' && s[19] == ':' && s[22] == ':'
            && s[25] == ' ' && s.EndsWith("GMT", StringComparison.Ordinal))
        {
            month = MonthNames.IndexOf(s.Slice(8, 3), StringComparison.Ordinal);
            if (month < 0 || month % 3 != 0 || !Digits(s.Slice(5, 2), out day) || !Digits(s.Slice(12, 4), out year)
                || !Digits(s.Slice(17, 2), out hour) || !Digits(s.Slice(20, 2), out minute) || !Digits(s.Slice(23, 2), out second))
            {
                return false;
            }
            month = (month / 3) + 1;
            if (!InRange(year, month, day, hour, minute, second)
                || DayNames.IndexOf(s[..3], StringComparison.Ordinal) != 3 * (int)new DateTime(year, month, day).DayOfWeek)
            {
                return false;
            }
        }
        else
        {
            return false;
        }
        if (!InRange(year, month, day, hour, minute, second))
        {
            return false;
        }
        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
        value = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return true;
    }

    private const string MonthNames = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private const string DayNames = "SunMonTueWedThuFriSat";

    private static bool InRange(int year, int month, int day, int hour, int minute, int second) =>
        year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60;

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    private static DateTimeOffset TruncateToMillis(DateTimeOffset v) => new(v.UtcTicks - (v.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
