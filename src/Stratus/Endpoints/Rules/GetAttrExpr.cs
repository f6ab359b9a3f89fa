namespace Stratus.Endpoints.Rules;

/// <summary><c>getAttr(target, "path")</c>, and the <c>#path</c> part of a template placeholder.</summary>
internal sealed class GetAttrExpr(Expr target, AttrPath path) : Expr
{
    public override object? Evaluate(object?[] scope) => path.Apply(target.Evaluate(scope));
}
