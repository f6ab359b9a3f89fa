namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>Something an expression computes a value from.</summary>
internal abstract record Operand;

/// <summary>An attribute of the item, by document path.</summary>
/// <param name="Path">The path.</param>
internal sealed record PathOperand(DocumentPath Path) : Operand;

/// <summary>An expression attribute value (<c>:v</c>), resolved.</summary>
/// <param name="Placeholder">The placeholder as written.</param>
/// <param name="Value">The value it stands for.</param>
internal sealed record ValueOperand(string Placeholder, AttributeValue Value) : Operand;

/// <summary>A function call: <c>size</c> in conditions; <c>if_not_exists</c> and <c>list_append</c> in updates.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments.</param>
internal sealed record FunctionOperand(string Name, IReadOnlyList<Operand> Arguments) : Operand;

/// <summary><c>a + b</c> or <c>a - b</c> in an update's SET action.</summary>
/// <param name="Left">The left operand.</param>
/// <param name="Subtract">Whether the operator is <c>-</c>.</param>
/// <param name="Right">The right operand.</param>
internal sealed record ArithmeticOperand(Operand Left, bool Subtract, Operand Right) : Operand;
