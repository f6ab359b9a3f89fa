namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>
/// Splits an expression into tokens. Never fails: a character the language does not know becomes an
/// <see cref="TokenKind.Unknown"/> token, which the parser reports as a syntax error at that token, as DynamoDB does.
/// </summary>
internal static class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, ending with one <see cref="TokenKind.End"/> token.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "<EOF>", text.Length));
                return tokens;
            }
            var start = i;
            var c = text[i];
            TokenKind kind;
            if (IsLetter(c))
            {
                i = SkipWord(text, i + 1);
                kind = TokenKind.Identifier;
            }
            else if (c is '#' or ':' && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                i = SkipWord(text, i + 1);
                kind = c == '#' ? TokenKind.NamePlaceholder : TokenKind.ValuePlaceholder;
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
                kind = TokenKind.Number;
            }
            else
            {
                (kind, var length) = Punctuation(text, i);
                i += length;
            }
            tokens.Add(new Token(kind, text[start..i], start));
        }
    }

    private static (TokenKind Kind, int Length) Punctuation(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            ',' => (TokenKind.Comma, 1),
            '.' => (TokenKind.Dot, 1),
            '=' => (TokenKind.Equal, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '<' when next == '>' => (TokenKind.NotEqual, 2),
            '<' when next == '=' => (TokenKind.LessOrEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' when next == '=' => (TokenKind.GreaterOrEqual, 2),
            '>' => (TokenKind.Greater, 1),
            _ => (TokenKind.Unknown, char.IsSurrogatePair(text, i) ? 2 : 1),
        };
    }

    private static int SkipWord(string text, int i)
    {
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }
        return i;
    }

    private static bool IsLetter(char c) => char.IsAsciiLetter(c);

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
