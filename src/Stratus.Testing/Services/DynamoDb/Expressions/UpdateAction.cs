namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>One action of an UpdateExpression.</summary>
/// <param name="Clause">The clause it belongs to: SET, REMOVE, ADD or DELETE.</param>
/// <param name="Path">The attribute it changes.</param>
/// <param name="Value">The value (SET: what to store; ADD, DELETE: what to add or take away; REMOVE: none).</param>
internal sealed record UpdateAction(string Clause, DocumentPath Path, Operand? Value);
