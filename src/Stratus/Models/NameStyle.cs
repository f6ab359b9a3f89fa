using System.Text;

namespace Stratus.Models;

/// <summary>Conversions between the model's PascalCase names and snake_case / kebab-case.</summary>
public static class NameStyle
{
    /// <summary>
    /// Folds a name to a form in which <c>DescribeKeyPairs</c>, <c>describe_key_pairs</c> and
    /// <c>describe-key-pairs</c> are equal: lower case, separators dropped.
    /// </summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not ('-' or '_'))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }

    /// <summary>Converts a PascalCase model name to kebab-case as the AWS CLI does (<c>DescribeKeyPairs</c> → <c>describe-key-pairs</c>).</summary>
    public static string ToKebab(string name) => ToSeparated(name, '-');

    /// <summary>Converts a PascalCase model name to snake_case as botocore does (<c>DescribeKeyPairs</c> → <c>describe_key_pairs</c>).</summary>
    public static string ToSnake(string name) => ToSeparated(name, '_');

    private static string ToSeparated(string name, char separator)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var prevLower = char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]);
                var nextLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (prevLower || (nextLower && char.IsUpper(name[i - 1])))
                {
                    sb.Append(separator);
                }
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
