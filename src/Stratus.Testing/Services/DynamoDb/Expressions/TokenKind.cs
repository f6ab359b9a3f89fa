namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>The kinds of token in DynamoDB's expression language.</summary>
internal enum TokenKind
{
    /// <summary>A bare word: an attribute name, a function name or a keyword (AND, SET, ...).</summary>
    Identifier,

    /// <summary>An expression attribute name placeholder, <c>#name</c>.</summary>
    NamePlaceholder,

    /// <summary>An expression attribute value placeholder, <c>:value</c>.</summary>
    ValuePlaceholder,

    /// <summary>A list index, <c>[0]</c>'s digits.</summary>
    Number,

    /// <summary><c>(</c></summary>
    LeftParen,

    /// <summary><c>)</c></summary>
    RightParen,

    /// <summary><c>[</c></summary>
    LeftBracket,

    /// <summary><c>]</c></summary>
    RightBracket,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>.</c></summary>
    Dot,

    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>&lt;&gt;</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>+</c></summary>
    Plus,

    /// <summary><c>-</c></summary>
    Minus,

    /// <summary>A character the language does not know.</summary>
    Unknown,

    /// <summary>The end of the expression.</summary>
    End,
}
