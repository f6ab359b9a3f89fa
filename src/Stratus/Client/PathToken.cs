namespace Stratus.Client;

/// <summary>The kinds of JMESPath tokens.</summary>
internal enum PathTokenKind
{
    Eof,
    Identifier,
    QuotedIdentifier,
    RawString,
    Literal,
    Number,
    Dot,
    Star,
    Flatten,
    Filter,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Comma,
    Colon,
    Pipe,
    Or,
    And,
    Not,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Current,
    Expref,
}

/// <summary>One JMESPath token: its kind, text (names, strings), value (numbers, literals) and position.</summary>
internal readonly record struct PathToken(PathTokenKind Kind, string Text, object? Value, int Position)
{
    /// <summary>How strongly the token binds to its left (the JMESPath reference parser's table).</summary>
    public int BindingPower => Kind switch
    {
        PathTokenKind.Pipe => 1,
        PathTokenKind.Or => 2,
        PathTokenKind.And => 3,
        PathTokenKind.Eq or PathTokenKind.Ne or PathTokenKind.Lt or PathTokenKind.Le or PathTokenKind.Gt or PathTokenKind.Ge => 5,
        PathTokenKind.Flatten => 9,
        PathTokenKind.Star => 20,
        PathTokenKind.Filter => 21,
        PathTokenKind.Dot => 40,
        PathTokenKind.Not => 45,
        PathTokenKind.LBrace => 50,
        PathTokenKind.LBracket => 55,
        PathTokenKind.LParen => 60,
        _ => 0,
    };
}
