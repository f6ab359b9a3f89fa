using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Client;

/// <summary>Splits a JMESPath expression into tokens.</summary>
internal static class PathLexer
{
    public static List<PathToken> Tokenize(string expression)
    {
        var tokens = new List<PathToken>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new(PathTokenKind.Identifier, expression[start..i], null, start));
                continue;
            }
            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < expression.Length && char.IsAsciiDigit(expression[i + 1])))
            {
                i++;
                while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                {
                    i++;
                }
                tokens.Add(new(PathTokenKind.Number, expression[start..i], int.Parse(expression[start..i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), start));
                continue;
            }
            switch (c)
            {
                case '"':
                    var quoted = Delimited(expression, ref i, '"');
                    tokens.Add(new(PathTokenKind.QuotedIdentifier, QuotedName(quoted, start), null, start));
                    continue;
                case '\'':
                    tokens.Add(new(PathTokenKind.RawString, Delimited(expression, ref i, '\'').Replace("\\'", "'", StringComparison.Ordinal), null, start));
                    continue;
                case '`':
                    tokens.Add(new(PathTokenKind.Literal, "", Literal(Delimited(expression, ref i, '`').Replace("\\`", "`", StringComparison.Ordinal)), start));
                    continue;
                case '[':
                    if (Peek(expression, i + 1) == ']')
                    {
                        tokens.Add(new(PathTokenKind.Flatten, "[]", null, start));
                        i += 2;
                    }
                    else if (Peek(expression, i + 1) == '?')
                    {
                        tokens.Add(new(PathTokenKind.Filter, "[?", null, start));
                        i += 2;
                    }
                    else
                    {
                        tokens.Add(new(PathTokenKind.LBracket, "[", null, start));
                        i++;
                    }
                    continue;
                case '|':
                    i += Two(tokens, expression, i, '|', PathTokenKind.Or, PathTokenKind.Pipe);
                    continue;
                case '&':
                    i += Two(tokens, expression, i, '&', PathTokenKind.And, PathTokenKind.Expref);
                    continue;
                case '<':
                    i += Two(tokens, expression, i, '=', PathTokenKind.Le, PathTokenKind.Lt);
                    continue;
                case '>':
                    i += Two(tokens, expression, i, '=', PathTokenKind.Ge, PathTokenKind.Gt);
                    continue;
                case '!':
                    i += Two(tokens, expression, i, '=', PathTokenKind.Ne, PathTokenKind.Not);
                    continue;
                case '=' when Peek(expression, i + 1) == '=':
                    tokens.Add(new(PathTokenKind.Eq, "==", null, start));
                    i += 2;
                    continue;
            }
            var single = c switch
            {
                '.' => PathTokenKind.Dot,
                '*' => PathTokenKind.Star,
                ']' => PathTokenKind.RBracket,
                '{' => PathTokenKind.LBrace,
                '}' => PathTokenKind.RBrace,
                '(' => PathTokenKind.LParen,
                ')' => PathTokenKind.RParen,
                ',' => PathTokenKind.Comma,
                ':' => PathTokenKind.Colon,
                '@' => PathTokenKind.Current,
                _ => throw new FormatException($"Unexpected '{c}' at {i} in '{expression}'."),
            };
            tokens.Add(new(single, c.ToString(), null, start));
            i++;
        }
        tokens.Add(new(PathTokenKind.Eof, "", null, expression.Length));
        return tokens;
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int Two(List<PathToken> tokens, string s, int i, char second, PathTokenKind both, PathTokenKind one)
    {
        if (Peek(s, i + 1) == second)
        {
            tokens.Add(new(both, s.Substring(i, 2), null, i));
            return 2;
        }
        tokens.Add(new(one, s[i].ToString(), null, i));
        return 1;
    }

    // The text between a delimiter and its unescaped closing twin; i ends after the closing one.
    private static string Delimited(string s, ref int i, char delimiter)
    {
        var start = ++i;
        while (i < s.Length && s[i] != delimiter)
        {
            i += s[i] == '\\' ? 2 : 1;
        }
        if (i >= s.Length)
        {
            throw new FormatException($"Unterminated {delimiter} at {start - 1} in '{s}'.");
        }
        return s[start..i++];
    }

    private static string QuotedName(string inner, int position)
    {
        try
        {
            return JsonNode.Parse("\"" + inner + "\"")!.GetValue<string>();
        }
        catch (JsonException e)
        {
            throw new FormatException($"Bad quoted identifier at {position}: {e.Message}", e);
        }
    }

    // A literal is JSON; the legacy form without quotes (`foo`) is a string, as JMESPath still allows.
    private static object? Literal(string text)
    {
        try
        {
            return PathValue.Normalize(JsonNode.Parse(text));
        }
        catch (JsonException)
        {
            return text.Trim();
        }
    }

    internal static string Describe(PathToken token) =>
        token.Kind == PathTokenKind.Eof ? "the end" : new StringBuilder().Append('\'').Append(token.Text).Append("' at ").Append(token.Position).ToString();
}
