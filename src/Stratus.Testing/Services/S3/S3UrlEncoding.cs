using System.Text;

namespace Stratus.Testing.Services.S3;

/// <summary>What <c>encoding-type=url</c> does to keys in a listing: percent-encodes UTF-8 bytes, space as <c>+</c>, <c>/</c> kept.</summary>
internal static class S3UrlEncoding
{
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '/')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
