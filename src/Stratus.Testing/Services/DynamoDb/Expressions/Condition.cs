namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>A condition (ConditionExpression, FilterExpression, KeyConditionExpression), as a tree.</summary>
internal abstract record Condition;

/// <summary><c>a = b</c>, <c>a &lt;&gt; b</c>, <c>a &lt; b</c>, <c>a &lt;= b</c>, <c>a &gt; b</c>, <c>a &gt;= b</c>.</summary>
/// <param name="Comparator">The operator as written: <c>=</c>, <c>&lt;&gt;</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
internal sealed record ComparisonCondition(string Comparator, Operand Left, Operand Right) : Condition;

/// <summary><c>a BETWEEN low AND high</c> (inclusive).</summary>
/// <param name="Value">The operand tested.</param>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound.</param>
internal sealed record BetweenCondition(Operand Value, Operand Low, Operand High) : Condition;

/// <summary><c>a IN (b, c, ...)</c>.</summary>
/// <param name="Value">The operand tested.</param>
/// <param name="Candidates">The values it may equal.</param>
internal sealed record InCondition(Operand Value, IReadOnlyList<Operand> Candidates) : Condition;

/// <summary>A boolean function: attribute_exists, attribute_not_exists, attribute_type, begins_with, contains.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments.</param>
internal sealed record FunctionCondition(string Name, IReadOnlyList<Operand> Arguments) : Condition;

/// <summary><c>a AND b</c> or <c>a OR b</c>.</summary>
/// <param name="IsAnd">Whether the operator is AND.</param>
/// <param name="Left">The left condition.</param>
/// <param name="Right">The right condition.</param>
internal sealed record LogicalCondition(bool IsAnd, Condition Left, Condition Right) : Condition;

/// <summary><c>NOT a</c>.</summary>
/// <param name="Inner">The negated condition.</param>
internal sealed record NotCondition(Condition Inner) : Condition;
