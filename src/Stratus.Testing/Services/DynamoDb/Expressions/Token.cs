namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>One token of an expression: its kind, its text as written and where it starts.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Text">The text as written (<c>&lt;EOF&gt;</c> for the end).</param>
/// <param name="Position">The offset of its first character in the expression.</param>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    /// <summary>The offset just past its last character.</summary>
    public int End => Kind == TokenKind.End ? Position : Position + Text.Length;

    /// <summary>Whether this is the given keyword (keywords are case-insensitive).</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
