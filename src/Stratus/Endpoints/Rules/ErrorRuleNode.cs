namespace Stratus.Endpoints.Rules;

/// <summary>A rule of type <c>error</c>: resolution fails with its (templated) message.</summary>
internal sealed class ErrorRuleNode(Condition[] conditions, Expr message) : RuleNode(conditions)
{
    protected override Resolution Outcome(object?[] scope) => Resolution.Failure(RuleValues.ToText(message.Evaluate(scope)));
}
