using System.Globalization;
using Stratus.Protocols;
using Xunit;

namespace Stratus.Tests.Protocols;

/// <summary>The hand-written reading of the common timestamp forms gives what the framework's parsers give, and leaves the rest to them.</summary>
public class TimestampsTests
{
    public static TheoryData<string> Common() =>
    [
        "2025-11-03T09:30:00Z", "2025-11-03T09:30:00.123Z", "2025-11-03T09:30:00.1Z", "2025-11-03T09:30:00.1234567Z",
        "2024-02-29T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z",
        "Mon, 03 Nov 2025 09:30:00 GMT", "Thu, 29 Feb 2024 23:59:59 GMT", "Sun, 06 Nov 1994 08:49:37 GMT",
    ];

    [Theory]
    [MemberData(nameof(Common))]
    public void Common_forms_are_read_by_hand_to_the_same_value(string text)
    {
        Assert.True(Timestamps.TryParseCommon(text, out var fast));
        Assert.True(Timestamps.TryParseGeneral(text, out var general));
        Assert.Equal(general, fast);
        Assert.Equal(TimeSpan.Zero, fast.Offset);
    }

    [Theory]
    [InlineData("Tue, 03 Nov 2025 09:30:00 GMT")] // the wrong weekday: the general parsers refuse it too
    [InlineData("2025-02-30T09:30:00Z")]
    [InlineData("2025-11-03T24:00:00Z")]
    [InlineData("2025-11-03T09:30:60Z")]
    [InlineData("2025-11-03T09:30:00.12345678Z")]
    [InlineData("2025-11-03T09:30:00+02:00")]
    [InlineData("2025-11-03T09:30:00")]
    [InlineData("mon, 03 nov 2025 09:30:00 GMT")]
    [InlineData("Mon, 3 Nov 2025 09:30:00 GMT")]
    [InlineData("1762162200")]
    [InlineData("2025-11-03")]
    public void Other_forms_are_left_to_the_general_parsers(string text)
    {
        Assert.False(Timestamps.TryParseCommon(text, out _));
        // Whatever the general parsers make of it is what TryParse answers.
        var general = Timestamps.TryParseGeneral(text, out var expected);
        Assert.Equal(general, Timestamps.TryParse(text, out var actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_spread_of_times_reads_the_same_both_ways()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var time = new DateTimeOffset(random.NextInt64(DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);
            foreach (var text in new[]
            {
                time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                time.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture),
            })
            {
                Assert.True(Timestamps.TryParseCommon(text, out var fast), text);
                Assert.True(Timestamps.TryParseGeneral(text, out var general), text);
                Assert.Equal(general, fast);
            }
        }
    }
}
