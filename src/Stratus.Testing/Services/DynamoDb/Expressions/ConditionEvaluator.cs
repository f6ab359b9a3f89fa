using System.Text;

namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>
/// Evaluates a condition against an item (an absent item is an empty one). An operand naming a missing
/// attribute makes every comparison false except <c>&lt;&gt;</c>, which is true; values of different types
/// are never equal and never ordered.
/// </summary>
internal static class ConditionEvaluator
{
    /// <summary>Whether <paramref name="condition"/> holds for <paramref name="item"/>.</summary>
    public static bool Evaluate(Condition condition, Dictionary<string, AttributeValue> item) => condition switch
    {
        LogicalCondition { IsAnd: true } and => Evaluate(and.Left, item) && Evaluate(and.Right, item),
        LogicalCondition or => Evaluate(or.Left, item) || Evaluate(or.Right, item),
        NotCondition not => !Evaluate(not.Inner, item),
        ComparisonCondition c => Compare(c.Comparator, Value(c.Left, item), Value(c.Right, item)),
        BetweenCondition b => Value(b.Value, item) is { } v && Value(b.Low, item) is { } low && Value(b.High, item) is { } high
            && AttributeValue.CompareScalars(v, low) >= 0 && AttributeValue.CompareScalars(v, high) <= 0,
        InCondition i => Value(i.Value, item) is { } v && i.Candidates.Any(c => v.Equals(Value(c, item))),
        FunctionCondition f => Function(f, item),
        _ => false,
    };

    /// <summary>The value of a condition operand: a path's value, a placeholder's value, or <c>size(...)</c>; null when missing.</summary>
    public static AttributeValue? Value(Operand operand, Dictionary<string, AttributeValue> item) => operand switch
    {
        PathOperand p => DocumentPaths.Get(item, p.Path),
        ValueOperand v => v.Value,
        FunctionOperand { Name: "size" } f => Size(Value(f.Arguments[0], item)),
        _ => null,
    };

    private static bool Compare(string comparator, AttributeValue? left, AttributeValue? right)
    {
        if (comparator == "<>")
        {
            return left is null || right is null || !left.Equals(right);
        }
        if (left is null || right is null)
        {
            return false;
        }
        if (comparator == "=")
        {
            return left.Equals(right);
        }
        return AttributeValue.CompareScalars(left, right) is { } order && comparator switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    }

    private static bool Function(FunctionCondition f, Dictionary<string, AttributeValue> item)
    {
        var first = Value(f.Arguments[0], item);
        var second = f.Arguments.Count > 1 ? Value(f.Arguments[1], item) : null;
        return f.Name switch
        {
            "attribute_exists" => first is not null,
            "attribute_not_exists" => first is null,
            "attribute_type" => first is not null && second?.Type == AttributeType.S && first.Type.ToString() == second.S,
            "begins_with" => first is not null && second is not null && BeginsWith(first, second),
            "contains" => first is not null && second is not null && Contains(first, second),
            _ => false,
        };
    }

    private static bool BeginsWith(AttributeValue value, AttributeValue prefix) => (value.Type, prefix.Type) switch
    {
        (AttributeType.S, AttributeType.S) => value.S.StartsWith(prefix.S, StringComparison.Ordinal),
        (AttributeType.B, AttributeType.B) => value.B.AsSpan().StartsWith(prefix.B),
        _ => false,
    };

    private static bool Contains(AttributeValue container, AttributeValue element) => (container.Type, element.Type) switch
    {
        (AttributeType.S, AttributeType.S) => container.S.Contains(element.S, StringComparison.Ordinal),
        (AttributeType.B, AttributeType.B) => container.B.AsSpan().IndexOf(element.B) >= 0,
        (AttributeType.SS, AttributeType.S) => container.SS.Contains(element.S, StringComparer.Ordinal),
        (AttributeType.NS, AttributeType.N) => container.NS.Contains(element.N),
        (AttributeType.BS, AttributeType.B) => container.BS.Exists(b => b.AsSpan().SequenceEqual(element.B)),
        (AttributeType.L, _) => container.L.Exists(element.Equals),
        _ => false,
    };

    /// <summary><c>size</c>: a string's UTF-8 length, a binary's length, or how many elements a set, list or map has.</summary>
    private static AttributeValue? Size(AttributeValue? value)
    {
        long? size = value?.Type switch
        {
            AttributeType.S => Encoding.UTF8.GetByteCount(value.S),
            AttributeType.B => value.B.Length,
            AttributeType.L => value.L.Count,
            AttributeType.M => value.M.Count,
            AttributeType.SS or AttributeType.NS or AttributeType.BS => value.SetCount,
            _ => null,
        };
        return size is { } n ? AttributeValue.FromNumber(DynamoNumber.FromInt64(n)) : null;
    }
}
