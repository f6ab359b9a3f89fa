using System.Text;
using System.Text.RegularExpressions;

namespace Stratus.Packages.Tests;

/// <summary>
/// Turns the C# blocks of a Markdown page marked with a tag (<c>```csharp stratus</c>) into one class with a method
/// per block, to be compiled, not run: the page's snippets then cannot name a method that does not exist. Names the
/// snippets use without declaring (<c>s3</c>, <c>ct</c>, ...) are the class's fields; a snippet's own local of the same
/// name hides them.
/// </summary>
internal static partial class DocSnippets
{
    public static IReadOnlyList<string> Blocks(string markdown, string tag) =>
        Block().Matches(markdown.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Where(m => m.Groups["tag"].Value == tag)
            .Select(m => m.Groups["code"].Value)
            .ToList();

    public static string Class(string name, IEnumerable<string> usings, IEnumerable<string> fields, IReadOnlyList<string> blocks)
    {
        var code = new StringBuilder();
        foreach (var u in usings)
        {
            code.Append("using ").Append(u).Append(";\n");
        }
        code.Append("\n#pragma warning disable // compiled, never run: unused values and awaits do not matter here\n");
        code.Append("internal static class ").Append(name).Append("\n{\n");
        foreach (var f in fields)
        {
            code.Append("    private static ").Append(f).Append(";\n");
        }
        for (var i = 0; i < blocks.Count; i++)
        {
            code.Append("\n    public static async Task Snippet").Append(i + 1).Append("()\n    {\n");
            // #line maps compiler errors back to the snippet's number.
            code.Append("#line 1 \"").Append(name).Append(" snippet ").Append(i + 1).Append("\"\n");
            code.Append(blocks[i]).Append('\n');
            code.Append("#line default\n    }\n");
        }
        return code.Append("}\n").ToString();
    }

    [GeneratedRegex(@"^```csharp (?<tag>[a-z-]+)\n(?<code>.*?)\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
