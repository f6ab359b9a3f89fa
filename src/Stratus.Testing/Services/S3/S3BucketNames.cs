using System.Net;

namespace Stratus.Testing.Services.S3;

/// <summary>S3's rules for general purpose bucket names.</summary>
internal static class S3BucketNames
{
    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    /// <summary>
    /// Whether a name is valid: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a
    /// letter or digit, no two adjacent dots, not an IP address, and none of the reserved prefixes and suffixes.
    /// </summary>
    public static bool IsValid(string name)
    {
        if (name.Length is < 3 or > 63 || !IsLetterOrDigit(name[0]) || !IsLetterOrDigit(name[^1]) || name.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!IsLetterOrDigit(c) && c != '.' && c != '-')
            {
                return false;
            }
        }
        if (name.Count(c => c == '.') == 3 && IPAddress.TryParse(name, out _))
        {
            return false;
        }
        return !ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            && !ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
    }

    private static bool IsLetterOrDigit(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}
