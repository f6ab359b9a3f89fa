using Stratus.Testing.Services.DynamoDb;

namespace Stratus.Tests.Mock.DynamoDb;

public sealed class DynamoNumberTests
{
    private static DynamoNumber N(string text) =>
        DynamoNumber.TryParse(text, out var n, out var error) ? n : throw new InvalidOperationException(error);

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("007", "7")]
    [InlineData("1.50", "1.5")]
    [InlineData("+2", "2")]
    [InlineData("1e2", "100")]
    [InlineData("1.23E-3", "0.00123")]
    [InlineData("-12.5e1", "-125")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("12345678901234567890123456789012345678", "12345678901234567890123456789012345678")]
    [InlineData("1E+125", "1" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "00000")]
    public void Canonical_text(string input, string canonical) => Assert.Equal(canonical, N(input).ToString());

    [Theory]
    [InlineData("abc", "A value provided cannot be converted into a number")]
    [InlineData("", "A value provided cannot be converted into a number")]
    [InlineData("1..2", "A value provided cannot be converted into a number")]
    [InlineData("1e", "A value provided cannot be converted into a number")]
    [InlineData(" 1", "A value provided cannot be converted into a number")]
    [InlineData("123456789012345678901234567890123456789", "Attempting to store more than 38 significant digits in a Number")]
    [InlineData("1E126", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    [InlineData("1E-131", "Number underflow. Attempting to store a number with magnitude smaller than supported range")]
    public void Rejects_what_DynamoDB_rejects(string input, string message)
    {
        Assert.False(DynamoNumber.TryParse(input, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("10", "9")]
    [InlineData("-1", "-2")]
    [InlineData("0", "-0.0001")]
    [InlineData("1.000000000000000000000000000000000001", "1")]
    [InlineData("100000000000000000000000000000000000000", "99999999999999999999999999999999999999")]
    [InlineData("2.5", "2.49")]
    [InlineData("-0.1", "-0.11")]
    public void Orders_numerically(string greater, string smaller)
    {
        Assert.True(N(greater) > N(smaller));
        Assert.True(N(smaller) < N(greater));
        Assert.Equal(0, N(greater).CompareTo(N(greater + (greater.Contains('.', StringComparison.Ordinal) ? "0" : ".0"))));
    }

    [Theory]
    [InlineData("1", "2", "3")]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("-5", "3", "-2")]
    [InlineData("99999999999999999999999999999999999999", "1", "100000000000000000000000000000000000000")]
    [InlineData("1.5", "-1.5", "0")]
    public void Adds_exactly(string a, string b, string sum)
    {
        var result = N(a) + N(b);
        Assert.Equal(N(sum), result);
        Assert.Equal(N(a), result - N(b));
    }

    [Fact]
    public void Sum_beyond_38_digits_is_out_of_range()
    {
        var sum = N("1E+100") + N("1E-100");
        Assert.False(sum.CheckRange(out var error));
        Assert.Equal("Attempting to store more than 38 significant digits in a Number", error);
    }
}
