using System.Text.Json.Nodes;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.DynamoDb.Expressions;

namespace Stratus.Tests.Mock.DynamoDb;

public sealed class ExpressionParserTests
{
    private static ExpressionAttributes Attributes(string? names = null, string? values = null) =>
        new(names is null ? null : JsonNode.Parse(names), values is null ? null : JsonNode.Parse(values));

    private static readonly string Values = """{":v":{"S":"x"},":n":{"N":"1"},":m":{"N":"5"},":l":{"L":[]},":ss":{"SS":["a"]}}""";

    private static Condition Condition(string text, string? names = null, string? values = null) =>
        ExpressionParser.ParseCondition(text, ExpressionKind.ConditionExpression, Attributes(names, values ?? Values));

    private static string ConditionError(string text, string? names = null, string? values = null, ExpressionKind kind = ExpressionKind.ConditionExpression)
    {
        var e = Assert.Throws<MockServiceException>(() => ExpressionParser.ParseCondition(text, kind, Attributes(names, values ?? Values)));
        Assert.Equal("ValidationException", e.Error.Code);
        return e.Error.Message;
    }

    private static string UpdateError(string text, string? names = null, string? values = null)
    {
        var e = Assert.Throws<MockServiceException>(() => ExpressionParser.ParseUpdate(text, Attributes(names, values ?? Values)));
        return e.Error.Message;
    }

    [Fact]
    public void Tokenizes_punctuation_placeholders_and_words()
    {
        var tokens = Tokenizer.Tokenize("a.b[10] <> :v AND #n >= size(c)");
        Assert.Equal(
            [TokenKind.Identifier, TokenKind.Dot, TokenKind.Identifier, TokenKind.LeftBracket, TokenKind.Number, TokenKind.RightBracket,
             TokenKind.NotEqual, TokenKind.ValuePlaceholder, TokenKind.Identifier, TokenKind.NamePlaceholder, TokenKind.GreaterOrEqual,
             TokenKind.Identifier, TokenKind.LeftParen, TokenKind.Identifier, TokenKind.RightParen, TokenKind.End],
            tokens.Select(t => t.Kind));
        Assert.Equal(":v", tokens[7].Text);
        Assert.Equal(11, tokens[7].Position);
    }

    [Fact]
    public void And_binds_tighter_than_or_and_not_tighter_than_and()
    {
        var c = Condition("a = :v OR b = :v AND NOT c = :v");
        var or = Assert.IsType<LogicalCondition>(c);
        Assert.False(or.IsAnd);
        var and = Assert.IsType<LogicalCondition>(or.Right);
        Assert.True(and.IsAnd);
        Assert.IsType<NotCondition>(and.Right);
    }

    [Fact]
    public void Parentheses_group_conditions_and_operands()
    {
        var c = Assert.IsType<LogicalCondition>(Condition("(a = :v OR b = :v) AND (c) < :n"));
        Assert.True(c.IsAnd);
        Assert.False(Assert.IsType<LogicalCondition>(c.Left).IsAnd);
        var comparison = Assert.IsType<ComparisonCondition>(c.Right);
        Assert.Equal("<", comparison.Comparator);
        Assert.Equal("[c]", Assert.IsType<PathOperand>(comparison.Left).Path.ToString());
    }

    [Fact]
    public void Parses_between_in_functions_and_nested_paths()
    {
        var between = Assert.IsType<BetweenCondition>(Condition("a.b[2].#c BETWEEN :n AND :m", names: """{"#c":"c d"}"""));
        Assert.Equal("[a, b, [2], c d]", Assert.IsType<PathOperand>(between.Value).Path.ToString());
        var @in = Assert.IsType<InCondition>(Condition("a IN (:n, :m)"));
        Assert.Equal(2, @in.Candidates.Count);
        var function = Assert.IsType<FunctionCondition>(Condition("begins_with(a, :v)"));
        Assert.Equal("begins_with", function.Name);
        var size = Assert.IsType<ComparisonCondition>(Condition("size(a) > :n"));
        Assert.Equal("size", Assert.IsType<FunctionOperand>(size.Left).Name);
        Assert.IsType<LogicalCondition>(Condition("attribute_exists(a) and attribute_not_exists(b) or contains(c, :v) AND attribute_type(d, :v)",
            values: """{":v":{"S":"S"}}"""));
    }

    [Theory]
    [InlineData("a = ", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"")]
    [InlineData("foo", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"foo\"")]
    [InlineData("a < < :n", "Invalid ConditionExpression: Syntax error; token: \"<\", near: \"< < :n\"")]
    [InlineData("a = :n AND", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"")]
    [InlineData("_a = :n", "Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_a\"")]
    [InlineData("a = :n)", "Invalid ConditionExpression: Syntax error; token: \")\", near: \":n)\"")]
    [InlineData("(a = :n", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":n\"")]
    [InlineData("a[x] = :n", "Invalid ConditionExpression: Syntax error; token: \"x\", near: \"[x]\"")]
    [InlineData("a BETWEEN :n :m", "Invalid ConditionExpression: Syntax error; token: \":m\", near: \":n :m\"")]
    [InlineData("a IN ()", "Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"")]
    [InlineData("a = :n $", "Invalid ConditionExpression: Syntax error; token: \"$\", near: \":n $\"")]
    public void Syntax_errors_name_the_token_and_its_neighbours(string text, string message) => Assert.Equal(message, ConditionError(text));

    [Fact]
    public void Empty_expression() =>
        Assert.Equal("Invalid ConditionExpression: The expression can not be empty;", ConditionError(" "));

    [Fact]
    public void Error_names_the_expression_kind() =>
        Assert.StartsWith("Invalid FilterExpression: Syntax error", ConditionError("a =", kind: ExpressionKind.FilterExpression));

    [Theory]
    [InlineData("status = :v", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status")]
    [InlineData("a.Name = :v", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name")]
    [InlineData("#x = :v", "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x")]
    [InlineData("a = :x", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x")]
    [InlineData("foo(a)", "Invalid ConditionExpression: Invalid function name; function: foo")]
    [InlineData("ATTRIBUTE_EXISTS(a)", "Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS")]
    [InlineData("attribute_exists(a) = :v", "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists")]
    [InlineData("size(a)", "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size")]
    [InlineData("begins_with(a)", "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1")]
    [InlineData("begins_with(a, :n)", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")]
    [InlineData("attribute_exists(:v)", "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists")]
    [InlineData("attribute_type(a, :v)", "Invalid ConditionExpression: Invalid attribute type name found; type: x, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")]
    [InlineData("a = a", "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]")]
    [InlineData("a BETWEEN :m AND :n", "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}")]
    [InlineData("a BETWEEN :n AND :v", "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}")]
    public void Semantic_errors(string text, string message) => Assert.Equal(message, ConditionError(text));

    [Fact]
    public void A_syntax_error_wins_over_a_reserved_word() =>
        Assert.StartsWith("Invalid ConditionExpression: Syntax error", ConditionError("status = "));

    [Fact]
    public void Parses_update_clauses_in_any_order()
    {
        var actions = ExpressionParser.ParseUpdate(
            "REMOVE r, q[1] SET a = :n, b = b + :n, c = if_not_exists(c, :n), d = list_append(d, :l) ADD e :n DELETE f :ss",
            Attributes(values: Values));
        Assert.Equal(["REMOVE", "REMOVE", "SET", "SET", "SET", "SET", "ADD", "DELETE"], actions.Select(a => a.Clause));
        Assert.IsType<ArithmeticOperand>(actions[3].Value);
        Assert.Equal("if_not_exists", Assert.IsType<FunctionOperand>(actions[4].Value).Name);
        Assert.Equal("[q, [1]]", actions[1].Path.ToString());
    }

    [Theory]
    [InlineData("SET a = :n SET b = :n", "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;")]
    [InlineData("SET a = :n, a.b = :n", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]")]
    [InlineData("SET a.b = :n REMOVE a[0]", "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]")]
    [InlineData("SET a = :n REMOVE a", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]")]
    [InlineData("ADD a :v", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND")]
    [InlineData("DELETE a :n", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND")]
    [InlineData("SET a = size(b)", "Invalid UpdateExpression: The function is not allowed in an update expression; function: size")]
    [InlineData("SET a = if_not_exists(:n, :n)", "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists")]
    [InlineData("SET a :n", "Invalid UpdateExpression: Syntax error; token: \":n\", near: \"a :n\"")]
    [InlineData("UPSERT a = :n", "Invalid UpdateExpression: Syntax error; token: \"UPSERT\", near: \"UPSERT a\"")]
    [InlineData("SET _123 = :n", "Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"")]
    [InlineData("ADD a b", "Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"")]
    public void Update_errors(string text, string message) => Assert.Equal(message, UpdateError(text));

    [Fact]
    public void Projection_paths_and_overlap()
    {
        var paths = ExpressionParser.ParseProjection("a, b.c, #d[3]", Attributes(names: """{"#d":"d"}"""));
        Assert.Equal(["[a]", "[b, c]", "[d, [3]]"], paths.Select(p => p.ToString()));
        var e = Assert.Throws<MockServiceException>(() => ExpressionParser.ParseProjection("a.b, a", Attributes()));
        Assert.Equal("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]", e.Error.Message);
    }

    [Fact]
    public void Unused_placeholders_are_rejected()
    {
        var attributes = Attributes("""{"#a":"a","#b":"b"}""", """{":v":{"S":"x"},":w":{"S":"y"}}""");
        ExpressionParser.ParseCondition("#a = :v", ExpressionKind.ConditionExpression, attributes);
        var e = Assert.Throws<MockServiceException>(attributes.CheckAllUsed);
        Assert.Equal("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}", e.Error.Message);
    }

    [Fact]
    public void Placeholder_maps_are_checked()
    {
        Assert.Equal("ExpressionAttributeValues must not be empty",
            Assert.Throws<MockServiceException>(() => Attributes(values: "{}")).Error.Message);
        Assert.Equal("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :s",
            Assert.Throws<MockServiceException>(() => Attributes(values: """{":s":{"SS":[]}}""")).Error.Message);
        Assert.Equal("ExpressionAttributeNames contains invalid key: Syntax error; token: \"a\", near: \"a\"",
            Assert.Throws<MockServiceException>(() => Attributes(names: """{"a":"b"}""")).Error.Message);
    }
}
