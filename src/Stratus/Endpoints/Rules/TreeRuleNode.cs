namespace Stratus.Endpoints.Rules;

/// <summary>
/// A rule of type <c>tree</c>: its rules are tried in order. A tree rule is terminal: once its conditions hold,
/// resolution fails if none of its rules matches (the Smithy rules-engine semantics).
/// </summary>
internal sealed class TreeRuleNode(Condition[] conditions, RuleNode[] rules) : RuleNode(conditions)
{
    /// <summary>The message when no rule matches.</summary>
    public const string NoMatch = "Endpoint resolution failed: no rule matched the parameters.";

    protected override Resolution Outcome(object?[] scope) => EvaluateRules(rules, scope);

    /// <summary>Tries <paramref name="rules"/> in order.</summary>
    public static Resolution EvaluateRules(RuleNode[] rules, object?[] scope)
    {
        foreach (var rule in rules)
        {
            if (rule.Evaluate(scope) is { } result)
            {
                return result;
            }
        }
        return Resolution.Failure(NoMatch);
    }
}
