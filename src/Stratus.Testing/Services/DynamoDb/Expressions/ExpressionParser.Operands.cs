using System.Globalization;

namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>Operands: placeholders, document paths and function calls, with their checks.</summary>
internal sealed partial class ExpressionParser
{
    private static readonly string[] ConditionFunctions = ["attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size"];
    private static readonly string[] UpdateFunctions = ["if_not_exists", "list_append"];
    private static readonly string[] GrammarKeywords = ["AND", "OR", "NOT", "BETWEEN", "IN"];
    private static readonly string[] TypeNames = ["B", "NULL", "SS", "BOOL", "L", "BS", "N", "NS", "S", "M"];

    private bool InUpdate => _kind == ExpressionKind.UpdateExpression;

    private Operand ParseOperand()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.LeftParen:
                Next();
                var inner = ParseOperand();
                Expect(TokenKind.RightParen);
                return inner;
            case TokenKind.ValuePlaceholder:
                Next();
                return new ValueOperand(t.Text, ResolveValue(t.Text));
            case TokenKind.Identifier when Peek.Kind == TokenKind.LeftParen && !IsGrammarKeyword(t):
                return ParseFunction();
            case TokenKind.Identifier or TokenKind.NamePlaceholder:
                return new PathOperand(ParsePath());
            default:
                throw SyntaxError();
        }
    }

    private FunctionOperand ParseFunction()
    {
        var name = Next().Text;
        Expect(TokenKind.LeftParen);
        var arguments = new List<Operand> { ParseOperand() };
        while (Current.Kind == TokenKind.Comma)
        {
            Next();
            arguments.Add(ParseOperand());
        }
        Expect(TokenKind.RightParen);
        CheckFunction(name, arguments);
        return new FunctionOperand(name, arguments);
    }

    /// <summary>Checks a call against the functions this kind of expression may use, their operand counts and operand types.</summary>
    private void CheckFunction(string name, List<Operand> arguments)
    {
        if (InUpdate && ConditionFunctions.Contains(name))
        {
            Fail(MisusedFunction, $"The function is not allowed in an update expression; function: {name}");
            return;
        }
        if (!(InUpdate ? UpdateFunctions : ConditionFunctions).Contains(name))
        {
            Fail(UnknownFunction, $"Invalid function name; function: {name}");
            return;
        }
        var expected = name is "attribute_exists" or "attribute_not_exists" or "size" ? 1 : 2;
        if (arguments.Count != expected)
        {
            Fail(Operands, $"Incorrect number of operands for operator or function; operator or function: {name}, number of operands: {arguments.Count}");
            return;
        }
        if (name is "attribute_exists" or "attribute_not_exists" or "if_not_exists" && arguments[0] is not PathOperand)
        {
            Fail(Operands, $"Operator or function requires a document path; operator or function: {name}");
        }
        if (expected == 2)
        {
            CheckDistinct(name, arguments[0], arguments[1]);
        }
        switch (name)
        {
            case "begins_with":
                foreach (var a in arguments)
                {
                    if (a is ValueOperand { Value.Type: not (AttributeType.S or AttributeType.B) } v)
                    {
                        Fail(Types, $"Incorrect operand type for operator or function; operator or function: {name}, operand type: {v.Value.Type}");
                    }
                }
                break;
            case "size" when arguments[0] is ValueOperand { Value.Type: AttributeType.N or AttributeType.BOOL or AttributeType.NULL } v:
                Fail(Types, $"Incorrect operand type for operator or function; operator or function: {name}, operand type: {v.Value.Type}");
                break;
            case "attribute_type":
                if (arguments[1] is not ValueOperand { Value.Type: AttributeType.S } t)
                {
                    var type = arguments[1] is ValueOperand v ? v.Value.Type.ToString() : "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";
                    Fail(Types, $"Incorrect operand type for operator or function; operator or function: {name}, operand type: {type}");
                }
                else if (!TypeNames.Contains(t.Value.S))
                {
                    Fail(Types, $"Invalid attribute type name found; type: {t.Value.S}, valid types: {{{string.Join(",", TypeNames)}}}");
                }
                break;
        }
    }

    private DocumentPath ParsePath()
    {
        var elements = new List<PathElement> { ParsePathName() };
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                Next();
                elements.Add(ParsePathName());
            }
            else if (Current.Kind == TokenKind.LeftBracket)
            {
                Next();
                var digits = Current;
                if (digits.Kind != TokenKind.Number || !int.TryParse(digits.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw SyntaxError();
                }
                Next();
                Expect(TokenKind.RightBracket);
                elements.Add(PathElement.At(index));
            }
            else
            {
                return new DocumentPath(elements);
            }
        }
    }

    private PathElement ParsePathName()
    {
        var t = Current;
        if (t.Kind == TokenKind.NamePlaceholder)
        {
            Next();
            var name = _attributes.Name(t.Text);
            if (name is null)
            {
                Fail(Undefined, $"An expression attribute name used in the document path is not defined; attribute name: {t.Text}");
            }
            return PathElement.Key(name ?? t.Text);
        }
        if (t.Kind == TokenKind.Identifier && !IsGrammarKeyword(t))
        {
            Next();
            if (ReservedWords.Contains(t.Text))
            {
                Fail(Reserved, $"Attribute name is a reserved keyword; reserved keyword: {t.Text}");
            }
            return PathElement.Key(t.Text);
        }
        throw SyntaxError();
    }

    private AttributeValue ResolveValue(string placeholder)
    {
        var value = _attributes.Value(placeholder);
        if (value is null)
        {
            Fail(Undefined, $"An expression attribute value used in expression is not defined; attribute value: {placeholder}");
        }
        return value ?? AttributeValue.Null;
    }

    private bool IsGrammarKeyword(Token t) =>
        GrammarKeywords.Any(t.IsKeyword) || (InUpdate && UpdateClauses.Any(t.IsKeyword));
}
