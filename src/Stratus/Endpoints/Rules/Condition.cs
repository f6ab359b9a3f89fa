namespace Stratus.Endpoints.Rules;

/// <summary>A rule condition: holds unless its function gives <see langword="false"/> or nothing; may bind the result to a slot.</summary>
internal sealed class Condition(Expr function, int assignSlot)
{
    public bool Evaluate(object?[] scope)
    {
        var value = function.Evaluate(scope);
        if (value is null or false)
        {
            return false;
        }
        if (assignSlot >= 0)
        {
            scope[assignSlot] = value;
        }
        return true;
    }
}
