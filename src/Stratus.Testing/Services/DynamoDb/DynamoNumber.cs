using System.Globalization;
using System.Numerics;
using System.Text;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// A DynamoDB number: up to 38 significant decimal digits, magnitude between 1E-130 and 1E+125, exact
/// (no binary floating point). Kept as <c>Mantissa × 10^Exponent</c> with no trailing zeros in the mantissa,
/// so equal numbers have equal representations and the canonical text (what DynamoDB returns) is unique.
/// </summary>
internal readonly struct DynamoNumber : IEquatable<DynamoNumber>, IComparable<DynamoNumber>
{
    /// <summary>The most significant digits DynamoDB stores.</summary>
    public const int MaxDigits = 38;

    private DynamoNumber(BigInteger mantissa, int exponent)
    {
        if (mantissa.IsZero)
        {
            exponent = 0;
        }
        else
        {
            while (true)
            {
                var quotient = BigInteger.DivRem(mantissa, 10, out var remainder);
                if (!remainder.IsZero)
                {
                    break;
                }
                mantissa = quotient;
                exponent++;
            }
        }
        Mantissa = mantissa;
        Exponent = exponent;
    }

    /// <summary>Zero.</summary>
    public static DynamoNumber Zero => default;

    /// <summary>An integer.</summary>
    public static DynamoNumber FromInt64(long value) => new(value, 0);

    /// <summary>The digits (signed), without trailing zeros.</summary>
    public BigInteger Mantissa { get; }

    /// <summary>The power of ten the mantissa is scaled by.</summary>
    public int Exponent { get; }

    /// <summary>How many significant digits the number has.</summary>
    public int Digits => Mantissa.IsZero ? 1 : BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture).Length;

    /// <summary>Parses DynamoDB number text; the error is AWS's message when the text is not a storable number.</summary>
    public static bool TryParse(string? text, out DynamoNumber value, out string error)
    {
        value = default;
        error = "A value provided cannot be converted into a number";
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var i = 0;
        var negative = false;
        if (text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var digits = new StringBuilder();
        var fraction = 0;
        var seenPoint = false;
        var seenDigit = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
                seenDigit = true;
                if (seenPoint)
                {
                    fraction++;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }
        if (!seenDigit)
        {
            return false;
        }
        long exponent = 0;
        if (i < text.Length)
        {
            if (text[i] is not ('e' or 'E') || !long.TryParse(text.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || text[i + 1] is not ('+' or '-' or (>= '0' and <= '9')) || exponent is > int.MaxValue / 2 or < int.MinValue / 2)
            {
                return false;
            }
        }
        var significant = digits.ToString().TrimStart('0');
        var trimmed = significant.TrimEnd('0');
        if (trimmed.Length == 0)
        {
            return true;
        }
        if (trimmed.Length > MaxDigits)
        {
            error = "Attempting to store more than 38 significant digits in a Number";
            return false;
        }
        var scale = (int)exponent - fraction + (significant.Length - trimmed.Length);
        var mantissa = BigInteger.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
        value = new DynamoNumber(negative ? -mantissa : mantissa, scale);
        return value.CheckRange(out error);
    }

    /// <summary>Whether the number is within DynamoDB's range and precision; the error is AWS's message when not.</summary>
    public bool CheckRange(out string error)
    {
        error = "";
        if (Mantissa.IsZero)
        {
            return true;
        }
        var digits = Digits;
        var magnitude = Exponent + digits - 1;
        if (magnitude > 125)
        {
            error = "Number overflow. Attempting to store a number with magnitude larger than supported range";
            return false;
        }
        if (magnitude < -130)
        {
            error = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
            return false;
        }
        if (digits > MaxDigits)
        {
            error = "Attempting to store more than 38 significant digits in a Number";
            return false;
        }
        return true;
    }

    /// <summary>The sum.</summary>
    public static DynamoNumber operator +(DynamoNumber a, DynamoNumber b)
    {
        var exponent = Math.Min(a.Exponent, b.Exponent);
        return new DynamoNumber(a.Scaled(exponent) + b.Scaled(exponent), exponent);
    }

    /// <summary>The difference.</summary>
    public static DynamoNumber operator -(DynamoNumber a, DynamoNumber b) => a + new DynamoNumber(-b.Mantissa, b.Exponent);

    /// <summary>Numeric order.</summary>
    public static bool operator <(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) < 0;

    /// <summary>Numeric order.</summary>
    public static bool operator >(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) > 0;

    /// <summary>Numeric order.</summary>
    public static bool operator <=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) <= 0;

    /// <summary>Numeric order.</summary>
    public static bool operator >=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) >= 0;

    /// <summary>Numeric equality.</summary>
    public static bool operator ==(DynamoNumber a, DynamoNumber b) => a.Equals(b);

    /// <summary>Numeric inequality.</summary>
    public static bool operator !=(DynamoNumber a, DynamoNumber b) => !a.Equals(b);

    /// <summary>Numeric order.</summary>
    public int CompareTo(DynamoNumber other)
    {
        var sign = Mantissa.Sign.CompareTo(other.Mantissa.Sign);
        if (sign != 0 || Mantissa.IsZero)
        {
            return sign;
        }
        var exponent = Math.Min(Exponent, other.Exponent);
        return Scaled(exponent).CompareTo(other.Scaled(exponent));
    }

    /// <inheritdoc />
    public bool Equals(DynamoNumber other) => Exponent == other.Exponent && Mantissa == other.Mantissa;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DynamoNumber n && Equals(n);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mantissa, Exponent);

    /// <summary>The canonical text DynamoDB returns: plain decimal notation, no exponent, no redundant zeros.</summary>
    public override string ToString()
    {
        if (Mantissa.IsZero)
        {
            return "0";
        }
        var digits = BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture);
        var sign = Mantissa.Sign < 0 ? "-" : "";
        if (Exponent >= 0)
        {
            return sign + digits + new string('0', Exponent);
        }
        var point = digits.Length + Exponent;
        return point > 0
            ? sign + digits[..point] + "." + digits[point..]
            : sign + "0." + new string('0', -point) + digits;
    }

    private BigInteger Scaled(int exponent) => Mantissa * BigInteger.Pow(10, Exponent - exponent);
}
