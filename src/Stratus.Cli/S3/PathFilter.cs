using System.Text;
using System.Text.RegularExpressions;

namespace Stratus.Cli.S3;

/// <summary>
/// <c>--exclude</c> and <c>--include</c> as in the AWS CLI: every file is included to begin with, then each filter,
/// in the order given, includes or excludes the files its pattern matches (the last match wins). Patterns match
/// the path relative to the source directory or prefix; <c>*</c> matches any characters (<c>/</c> too), <c>?</c>
/// one character, <c>[seq]</c> and <c>[!seq]</c> one character of (or not of) the set.
/// </summary>
internal sealed class PathFilter
{
    private readonly List<(bool Include, Regex Pattern)> _rules = [];

    /// <summary>No filters: everything is included.</summary>
    public static readonly PathFilter None = new();

    /// <summary>The filters of a command line, in their order.</summary>
    public static PathFilter FromArgs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var filter = new PathFilter();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            foreach (var (name, include) in new[] { ("--exclude", false), ("--include", true) })
            {
                if (arg == name && i + 1 < args.Count)
                {
                    filter._rules.Add((include, Compile(args[++i])));
                }
                else if (arg.StartsWith(name + "=", StringComparison.Ordinal))
                {
                    filter._rules.Add((include, Compile(arg[(name.Length + 1)..])));
                }
            }
        }
        return filter;
    }

    /// <summary>Whether <paramref name="relative"/> passes the filters.</summary>
    public bool Includes(string relative)
    {
        var included = true;
        foreach (var (include, pattern) in _rules)
        {
            if (pattern.IsMatch(relative))
            {
                included = include;
            }
        }
        return included;
    }

    /// <summary>A shell pattern (as Python's <c>fnmatch</c>) as a regular expression of the whole text.</summary>
    public static Regex Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i + 2 <= pattern.Length ? i + 2 : pattern.Length);
                    if (end < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }
                    var set = pattern[(i + 1)..end];
                    var negate = set.StartsWith('!');
                    if (negate)
                    {
                        set = set[1..];
                    }
                    regex.Append('[').Append(negate ? "^" : "").Append(set.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("^", @"\^", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
