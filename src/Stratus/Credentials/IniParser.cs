using System.Globalization;

namespace Stratus.Credentials;

/// <summary>
/// Parses the AWS shared config and credentials files the way botocore's INI reader does: <c>[section]</c>
/// headers (a trailing <c>#</c> or <c>;</c> comment allowed), <c>key = value</c> or <c>key: value</c> with
/// keys folded to lower case, whole-line <c>#</c>/<c>;</c> comments, values continued on more-indented
/// lines, and one level of sub-section (<c>s3 =</c> followed by indented <c>key = value</c> lines). Unlike
/// configparser, a repeated section adds to the first, and an indented <c>[header]</c> starts a section.
/// Values keep <c>#</c> and <c>;</c>: a secret may contain them. Error messages give line numbers, never line text.
/// </summary>
internal static class IniParser
{
    public sealed class Section(string name)
    {
        public string Name { get; } = name;

        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, string>> SubSections { get; } = new(StringComparer.Ordinal);
    }

    /// <exception cref="FormatException">The text is not a valid config file.</exception>
    public static List<Section> Parse(string text, string source)
    {
        var sections = new List<Section>();
        Section? section = null;
        string? key = null;
        var keyIndent = 0;
        var keyLine = 0;
        List<string>? continuation = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }
            var content = line.Trim();
            if (content.Length == 0 || content[0] is '#' or ';')
            {
                continue;
            }
            var indent = line.Length - line.TrimStart().Length;
            // A '[' line is always a section header, even indented under a setting (where configparser would continue the value).
            if (key is not null && indent > keyIndent && content[0] != '[')
            {
                (continuation ??= []).Add(content);
                continue;
            }
            Flush();
            if (content[0] == '[')
            {
                var close = content.IndexOf(']', StringComparison.Ordinal);
                var rest = close < 0 ? "" : content[(close + 1)..].TrimStart();
                if (close < 0 || (rest.Length > 0 && rest[0] is not ('#' or ';')))
                {
                    throw Error(source, lineNumber, "a section header must be '[name]'");
                }
                var name = content[1..close].Trim();
                if (name.Length == 0)
                {
                    throw Error(source, lineNumber, "the section name is empty");
                }
                section = sections.Find(s => s.Name == name);
                if (section is null)
                {
                    section = new Section(name);
                    sections.Add(section);
                }
                continue;
            }
            var split = content.IndexOfAny(['=', ':']);
            if (split <= 0)
            {
                throw Error(source, lineNumber, split == 0 ? "a setting has no name" : "expected 'name = value'");
            }
            if (section is null)
            {
                throw Error(source, lineNumber, "a setting comes before any [section] header");
            }
            key = content[..split].Trim().ToLowerInvariant();
            section.Values[key] = content[(split + 1)..].Trim();
            keyIndent = indent;
            keyLine = lineNumber;
        }
        Flush();
        return sections;

        void Flush()
        {
            if (key is null || section is null)
            {
                key = null;
                return;
            }
            if (continuation is not null)
            {
                var first = section.Values[key];
                if (first.Length == 0)
                {
                    section.Values.Remove(key);
                    section.SubSections[key] = SubSection(continuation, source, keyLine);
                }
                else
                {
                    section.Values[key] = first + "\n" + string.Join('\n', continuation);
                }
            }
            else
            {
                section.SubSections.Remove(key);
            }
            key = null;
            continuation = null;
        }
    }

    private static Dictionary<string, string> SubSection(List<string> lines, string source, int keyLine)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var split = lines[i].IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                throw Error(source, keyLine, "a sub-section line must be 'name = value'");
            }
            values[lines[i][..split].Trim().ToLowerInvariant()] = lines[i][(split + 1)..].Trim();
        }
        return values;
    }

    private static FormatException Error(string source, int line, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{source}: line {line}: {problem}."));
}
