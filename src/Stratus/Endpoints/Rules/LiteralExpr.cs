namespace Stratus.Endpoints.Rules;

/// <summary>A literal value (a string without placeholders, a boolean or an integer).</summary>
internal sealed class LiteralExpr(object? value) : Expr
{
    public object? Value { get; } = value;

    public override bool IsConstant => true;

    public override object? Evaluate(object?[] scope) => Value;
}
