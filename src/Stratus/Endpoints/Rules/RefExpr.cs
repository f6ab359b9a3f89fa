namespace Stratus.Endpoints.Rules;

/// <summary>A reference to a parameter or an assigned variable, resolved to its slot at compile time.</summary>
internal sealed class RefExpr(int slot) : Expr
{
    public override object? Evaluate(object?[] scope) => scope[slot];
}
