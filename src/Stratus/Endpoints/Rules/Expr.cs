namespace Stratus.Endpoints.Rules;

/// <summary>
/// A compiled rule-set expression. Values are plain objects: <see cref="string"/>, boxed <see cref="bool"/>
/// (see <see cref="RuleValues"/>), boxed <see cref="int"/>, <see cref="string"/> arrays and records
/// (<see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to value); <see langword="null"/> is "not set".
/// </summary>
internal abstract class Expr
{
    /// <summary>Evaluates the expression against the variable slots of one resolution.</summary>
    public abstract object? Evaluate(object?[] scope);

    /// <summary>Whether the value never changes (a literal), so callers may fold it at compile time.</summary>
    public virtual bool IsConstant => false;
}
