namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>
/// UpdateExpression: clauses <c>SET</c>, <c>REMOVE</c>, <c>ADD</c>, <c>DELETE</c>, each at most once, in any order;
/// and ProjectionExpression: paths separated by commas. No two paths may overlap.
/// </summary>
internal sealed partial class ExpressionParser
{
    private static readonly string[] UpdateClauses = ["SET", "REMOVE", "ADD", "DELETE"];

    private List<UpdateAction> ParseUpdateClauses()
    {
        var actions = new List<UpdateAction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var clause = UpdateClauses.FirstOrDefault(Current.IsKeyword) ?? throw SyntaxError();
            if (!seen.Add(clause))
            {
                Fail(UnknownFunction, $"The \"{clause}\" section can only be used once in an update expression;");
            }
            Next();
            actions.Add(ParseAction(clause));
            while (Current.Kind == TokenKind.Comma)
            {
                Next();
                actions.Add(ParseAction(clause));
            }
        }
        while (Current.Kind != TokenKind.End);
        CheckNoClash(actions.Select(a => a.Path).ToList());
        return actions;
    }

    private UpdateAction ParseAction(string clause)
    {
        var path = ParsePath();
        switch (clause)
        {
            case "SET":
                Expect(TokenKind.Equal);
                return new UpdateAction(clause, path, ParseSetValue());
            case "REMOVE":
                return new UpdateAction(clause, path, null);
            default:
                var t = Current;
                if (t.Kind != TokenKind.ValuePlaceholder)
                {
                    throw SyntaxError();
                }
                Next();
                var value = new ValueOperand(t.Text, ResolveValue(t.Text));
                var allowed = clause == "ADD" ? value.Value.Type is AttributeType.N || value.Value.IsSet : value.Value.IsSet;
                if (!allowed && _attributes.Value(t.Text) is not null)
                {
                    Fail(Types, $"Incorrect operand type for operator or function; operator: {clause}, operand type: {LongTypeName(value.Value.Type)}, typeSet: ALLOWED_FOR_{clause}_OPERAND");
                }
                return new UpdateAction(clause, path, value);
        }
    }

    private Operand ParseSetValue()
    {
        var left = ParseOperand();
        if (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var subtract = Next().Kind == TokenKind.Minus;
            return new ArithmeticOperand(left, subtract, ParseOperand());
        }
        return left;
    }

    private List<DocumentPath> ParseProjectionPaths()
    {
        var paths = new List<DocumentPath> { ParsePath() };
        while (Current.Kind == TokenKind.Comma)
        {
            Next();
            paths.Add(ParsePath());
        }
        CheckNoClash(paths);
        return paths;
    }

    private void CheckNoClash(List<DocumentPath> paths)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            for (var j = i + 1; j < paths.Count; j++)
            {
                if (DocumentPath.Clash(paths[i], paths[j]) is { } clash)
                {
                    Fail(Paths, $"Two document paths {clash} with each other; must remove or rewrite one of these paths; path one: {paths[i]}, path two: {paths[j]}");
                    return;
                }
            }
        }
    }

    /// <summary>The type names DynamoDB's update messages use.</summary>
    private static string LongTypeName(AttributeType type) => type switch
    {
        AttributeType.S => "STRING",
        AttributeType.N => "NUMBER",
        AttributeType.B => "BINARY",
        AttributeType.BOOL => "BOOLEAN",
        AttributeType.NULL => "NULL",
        AttributeType.L => "LIST",
        AttributeType.M => "MAP",
        AttributeType.SS => "STRING_SET",
        AttributeType.NS => "NUMBER_SET",
        _ => "BINARY_SET",
    };
}
