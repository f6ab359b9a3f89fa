namespace Stratus.Endpoints.Rules;

/// <summary>A compiled rule: its conditions, then an outcome (endpoint, error or nested rules).</summary>
internal abstract class RuleNode(Condition[] conditions)
{
    /// <summary>The outcome, or <see langword="null"/> when a condition does not hold.</summary>
    public Resolution? Evaluate(object?[] scope)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Evaluate(scope))
            {
                return null;
            }
        }
        return Outcome(scope);
    }

    /// <summary>The outcome once every condition holds.</summary>
    protected abstract Resolution Outcome(object?[] scope);
}
