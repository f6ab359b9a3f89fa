using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Stratus.Generators.Emit;

/// <summary>Turns model names and enum values into valid, unclashing C# identifiers.</summary>
internal static class Names
{
    /// <summary>
    /// A model name as a C# identifier: characters outside [A-Za-z0-9_] become '_', a leading digit gets a
    /// '_' before it, the first letter is upper-cased when <paramref name="pascal"/>, and a keyword is escaped with '@'.
    /// </summary>
    public static string Identifier(string name, bool pascal = true)
    {
        var sb = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            sb.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' ? c : '_');
        }
        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }
        if (pascal && sb[0] is >= 'a' and <= 'z')
        {
            sb[0] = char.ToUpperInvariant(sb[0]);
        }
        var id = sb.ToString();
        return IsKeyword(id) ? "@" + id : id;
    }

    /// <summary>Whether <paramref name="id"/> is a C# keyword (a reserved one; contextual keywords are valid names).</summary>
    public static bool IsKeyword(string id) =>
        SyntaxFacts.GetKeywordKind(id) != SyntaxKind.None;

    /// <summary>
    /// An enum value as a Pascal-case name: <c>STANDARD_IA</c> → <c>StandardIa</c>, <c>t2.micro</c> →
    /// <c>T2Micro</c>, <c>us-east-1</c> → <c>UsEast1</c>; nothing usable → <c>Empty</c>.
    /// </summary>
    public static string EnumMember(string value)
    {
        var sb = new StringBuilder(value.Length);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in value)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        foreach (var w in words)
        {
            // An all-capitals word (STANDARD) reads better as Standard; a mixed-case one (ReadOnly) keeps its humps.
            var allUpper = true;
            foreach (var c in w)
            {
                if (c is >= 'a' and <= 'z')
                {
                    allUpper = false;
                    break;
                }
            }
            sb.Append(char.ToUpperInvariant(w[0]));
            sb.Append(allUpper ? w.Substring(1).ToLowerInvariant() : w.Substring(1));
        }
        if (sb.Length == 0)
        {
            return "Empty";
        }
        if (char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }
        return sb.ToString();
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Text for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

/// <summary>Hands out names within one scope, never twice: a taken name gets <c>suffix</c>, then a number.</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string>? reserved = null) => _taken = new HashSet<string>(reserved ?? Array.Empty<string>(), StringComparer.Ordinal);

    /// <summary>Marks a name as used without allocating it.</summary>
    public void Reserve(string name) => _taken.Add(name);

    /// <summary>Whether a name is taken.</summary>
    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Allocates <paramref name="wanted"/>, or a variant of it when taken.</summary>
    public string Take(string wanted, string suffix)
    {
        if (_taken.Add(wanted))
        {
            return wanted;
        }
        var baseName = wanted.TrimStart('@') + suffix;
        if (_taken.Add(baseName))
        {
            return baseName;
        }
        for (var i = 2; ; i++)
        {
            if (_taken.Add(baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                return baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
