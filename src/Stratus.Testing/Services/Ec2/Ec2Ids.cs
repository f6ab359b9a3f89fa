using System.Buffers;
using System.Security.Cryptography;

namespace Stratus.Testing.Services.Ec2;

/// <summary>
/// Resource ids as EC2 makes them today: a prefix, a dash and 17 hexadecimal digits, the first 0
/// (<c>i-0123456789abcdef0</c>). Older 8-digit ids (<c>i-1a2b3c4d</c>) are accepted as well formed.
/// </summary>
internal static class Ec2Ids
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    public static string New(string prefix) => $"{prefix}-0{RandomNumberGenerator.GetHexString(16, lowercase: true)}";

    /// <summary>Whether <paramref name="id"/> is <paramref name="prefix"/>, a dash and 8 or 17 lowercase hex digits.</summary>
    public static bool IsWellFormed(string id, string prefix)
    {
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length <= prefix.Length || id[prefix.Length] != '-')
        {
            return false;
        }
        var digits = id.AsSpan(prefix.Length + 1);
        return digits.Length is 8 or 17 && !digits.ContainsAnyExcept(HexDigits);
    }

    /// <summary>The prefix of an id (<c>sg</c> for <c>sg-0123...</c>), or empty.</summary>
    public static string PrefixOf(string id) => id.IndexOf('-', StringComparison.Ordinal) is > 0 and var dash ? id[..dash] : "";
}
