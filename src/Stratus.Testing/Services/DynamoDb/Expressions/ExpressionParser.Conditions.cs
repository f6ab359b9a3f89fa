namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>
/// Conditions: <c>OR</c> binds loosest, then <c>AND</c>, then <c>NOT</c>; a predicate is a comparison,
/// <c>BETWEEN</c>, <c>IN</c> or a boolean function; parentheses group conditions or operands.
/// </summary>
internal sealed partial class ExpressionParser
{
    private const int MaxInOperands = 100;

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            Next();
            left = new LogicalCondition(false, left, ParseAnd());
        }
        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            Next();
            left = new LogicalCondition(true, left, ParseNot());
        }
        return left;
    }

    private Condition ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            Next();
            return new NotCondition(ParseNot());
        }
        return ParsePrimary();
    }

    private Condition ParsePrimary()
    {
        if (Current.Kind == TokenKind.LeftParen && !OperandInParenthesesAhead())
        {
            Next();
            var inner = ParseOr();
            Expect(TokenKind.RightParen);
            return inner;
        }
        return ParsePredicate();
    }

    /// <summary>
    /// Whether the parenthesis at the current token wraps an operand (<c>(a) = :v</c>) rather than a
    /// condition (<c>(a = :v) OR b</c>): what follows its matching parenthesis decides.
    /// </summary>
    private bool OperandInParenthesesAhead()
    {
        var depth = 0;
        for (var i = _position; i < _tokens.Count; i++)
        {
            depth += _tokens[i].Kind switch { TokenKind.LeftParen => 1, TokenKind.RightParen => -1, _ => 0 };
            if (depth == 0)
            {
                var after = _tokens[Math.Min(i + 1, _tokens.Count - 1)];
                return IsComparator(after.Kind) || after.IsKeyword("BETWEEN") || after.IsKeyword("IN");
            }
        }
        return false;
    }

    private Condition ParsePredicate()
    {
        var left = ParseOperand();
        var t = Current;
        if (IsComparator(t.Kind))
        {
            Next();
            var right = ParseOperand();
            CheckNoBooleanFunction(left, right);
            CheckDistinct(t.Text, left, right);
            return new ComparisonCondition(t.Text, left, right);
        }
        if (t.IsKeyword("BETWEEN"))
        {
            Next();
            var low = ParseOperand();
            ExpectKeyword("AND");
            var high = ParseOperand();
            CheckNoBooleanFunction(left, low, high);
            CheckBounds(low, high);
            return new BetweenCondition(left, low, high);
        }
        if (t.IsKeyword("IN"))
        {
            Next();
            Expect(TokenKind.LeftParen);
            var candidates = new List<Operand> { ParseOperand() };
            while (Current.Kind == TokenKind.Comma)
            {
                Next();
                candidates.Add(ParseOperand());
            }
            Expect(TokenKind.RightParen);
            if (candidates.Count > MaxInOperands)
            {
                Fail(Operands, $"The IN operator is provided with too many operands; number of operands: {candidates.Count}");
            }
            CheckNoBooleanFunction([left, .. candidates]);
            return new InCondition(left, candidates);
        }
        if (left is FunctionOperand f)
        {
            if (f.Name == "size")
            {
                Fail(MisusedFunction, "The function is not allowed to be used this way in an expression; function: size");
            }
            return new FunctionCondition(f.Name, f.Arguments);
        }
        throw SyntaxError();
    }

    private static bool IsComparator(TokenKind kind) => kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less
        or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual;

    /// <summary>Only <c>size</c> computes a value; the other functions are conditions and cannot be compared.</summary>
    private void CheckNoBooleanFunction(params Operand[] operands)
    {
        foreach (var o in operands)
        {
            if (o is FunctionOperand { Name: not "size" } f)
            {
                Fail(MisusedFunction, $"The function is not allowed to be used this way in an expression; function: {f.Name}");
            }
        }
    }

    private void CheckDistinct(string op, Operand a, Operand b)
    {
        if (a is PathOperand pa && b is PathOperand pb && pa.Path.Equals(pb.Path))
        {
            Fail(Operands, $"The first operand must be distinct from the remaining operands for this operator or function; operator: {op}, first operand: {pa.Path}");
        }
    }

    private void CheckBounds(Operand low, Operand high)
    {
        if (low is not ValueOperand l || high is not ValueOperand h)
        {
            return;
        }
        var bounds = $"lower bound operand: AttributeValue: {{{l.Value.Type}:{Show(l.Value)}}}, upper bound operand: AttributeValue: {{{h.Value.Type}:{Show(h.Value)}}}";
        if (l.Value.Type != h.Value.Type)
        {
            Fail(Types, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        }
        else if (AttributeValue.CompareScalars(l.Value, h.Value) > 0)
        {
            Fail(Types, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    private static string Show(AttributeValue v) => v.Type switch
    {
        AttributeType.S => v.S,
        AttributeType.N => v.N.ToString(),
        AttributeType.B => Convert.ToBase64String(v.B),
        _ => v.ToJson().ToJsonString(),
    };
}
