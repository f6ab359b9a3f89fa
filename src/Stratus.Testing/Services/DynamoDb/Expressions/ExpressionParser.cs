using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>
/// Parses DynamoDB's expression language into trees: conditions (ConditionExpression, FilterExpression,
/// KeyConditionExpression), update actions (UpdateExpression) and projections (ProjectionExpression).
/// A syntax error fails at once, as "Invalid X: Syntax error; token: "t", near: "..."". Other mistakes
/// (reserved words, undefined placeholders, misused functions, overlapping paths) are collected while
/// parsing and the most important one is reported once the whole expression parsed, as DynamoDB does.
/// </summary>
internal sealed partial class ExpressionParser
{
    private const int UnknownFunction = 0;
    private const int MisusedFunction = 1;
    private const int Reserved = 2;
    private const int Undefined = 3;
    private const int Operands = 4;
    private const int Types = 5;
    private const int Paths = 6;

    private readonly string _text;
    private readonly ExpressionKind _kind;
    private readonly ExpressionAttributes _attributes;
    private readonly List<Token> _tokens;
    private int _position;
    private (int Priority, string Message)? _error;

    private ExpressionParser(string text, ExpressionKind kind, ExpressionAttributes attributes)
    {
        _text = text;
        _kind = kind;
        _attributes = attributes;
        _tokens = Tokenizer.Tokenize(text);
    }

    /// <summary>Parses a condition.</summary>
    /// <exception cref="MockServiceException">A ValidationException naming <paramref name="kind"/>.</exception>
    public static Condition ParseCondition(string text, ExpressionKind kind, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(text, kind, attributes);
        return parser.Run(parser.ParseOr);
    }

    /// <summary>Parses an UpdateExpression into its actions, in the order written.</summary>
    /// <exception cref="MockServiceException">A ValidationException.</exception>
    public static IReadOnlyList<UpdateAction> ParseUpdate(string text, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(text, ExpressionKind.UpdateExpression, attributes);
        return parser.Run(parser.ParseUpdateClauses);
    }

    /// <summary>Parses a ProjectionExpression into its paths.</summary>
    /// <exception cref="MockServiceException">A ValidationException.</exception>
    public static IReadOnlyList<DocumentPath> ParseProjection(string text, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(text, ExpressionKind.ProjectionExpression, attributes);
        return parser.Run(parser.ParseProjectionPaths);
    }

    private T Run<T>(Func<T> parse)
    {
        if (string.IsNullOrWhiteSpace(_text))
        {
            throw Error("The expression can not be empty;");
        }
        var result = parse();
        if (Current.Kind != TokenKind.End)
        {
            throw SyntaxError();
        }
        if (_error is { } e)
        {
            throw Error(e.Message);
        }
        return result;
    }

    private Token Current => _tokens[_position];

    private Token Peek => _tokens[Math.Min(_position + 1, _tokens.Count - 1)];

    private Token Next()
    {
        var t = Current;
        if (t.Kind != TokenKind.End)
        {
            _position++;
        }
        return t;
    }

    private Token Expect(TokenKind kind) => Current.Kind == kind ? Next() : throw SyntaxError();

    private void ExpectKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw SyntaxError();
        }
        Next();
    }

    /// <summary>Records a non-syntax mistake; the one of lowest priority (then the first) is reported.</summary>
    private void Fail(int priority, string message)
    {
        if (_error is null || priority < _error.Value.Priority)
        {
            _error = (priority, message);
        }
    }

    private MockServiceException Error(string message) => DynamoDbErrors.Validation($"Invalid {_kind}: {message}");

    /// <summary>A syntax error at the current token; "near" shows it with the tokens either side, as DynamoDB does.</summary>
    private MockServiceException SyntaxError()
    {
        var token = Current;
        var start = _position > 0 ? _tokens[_position - 1].Position : token.Position;
        var end = token.Kind == TokenKind.End ? (_position > 0 ? _tokens[_position - 1].End : 0) : Peek.Kind == TokenKind.End ? token.End : Peek.End;
        return Error($"Syntax error; token: \"{token.Text}\", near: \"{_text[start..end]}\"");
    }
}
