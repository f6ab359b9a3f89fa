namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>
/// Applies an UpdateExpression's actions to an item. Every SET value is computed from the item as it was
/// before the update; then SET, REMOVE, ADD and DELETE are applied to a copy.
/// </summary>
internal static class UpdateEvaluator
{
    private const string MissingAttribute = "The provided expression refers to an attribute that does not exist in the item";
    private const string WrongType = "An operand in the update expression has an incorrect data type";
    private const string InvalidPath = "The document path provided in the update expression is invalid for update";

    /// <summary>The updated item (a new copy; <paramref name="before"/> is not changed).</summary>
    /// <exception cref="Mock.MockServiceException">A ValidationException with AWS's message.</exception>
    public static Dictionary<string, AttributeValue> Apply(IReadOnlyList<UpdateAction> actions, Dictionary<string, AttributeValue> before)
    {
        var sets = actions.Where(a => a.Clause == "SET").Select(a => (a.Path, Value: Compute(a.Value!, before))).ToList();
        var item = AttributeValue.CloneMap(before);
        foreach (var (path, value) in sets)
        {
            Set(item, path, value);
        }
        // Later list indexes first, so removing one does not move the others.
        foreach (var action in actions.Where(a => a.Clause == "REMOVE").OrderBy(a => a.Path, RemovalOrder.Instance))
        {
            DocumentPaths.Remove(item, action.Path);
        }
        foreach (var action in actions.Where(a => a.Clause is "ADD" or "DELETE"))
        {
            var value = ((ValueOperand)action.Value!).Value;
            var current = DocumentPaths.Get(item, action.Path);
            if (action.Clause == "ADD")
            {
                Set(item, action.Path, current is null ? value : Add(current, value));
            }
            else if (current is not null)
            {
                var rest = Subtract(current, value);
                if (rest is null)
                {
                    DocumentPaths.Remove(item, action.Path);
                }
                else
                {
                    Set(item, action.Path, rest);
                }
            }
        }
        return item;
    }

    private static void Set(Dictionary<string, AttributeValue> item, DocumentPath path, AttributeValue value)
    {
        if (!DocumentPaths.TrySet(item, path, value))
        {
            throw DynamoDbErrors.Validation(InvalidPath);
        }
    }

    private static AttributeValue Compute(Operand operand, Dictionary<string, AttributeValue> item)
    {
        switch (operand)
        {
            case ValueOperand v:
                return v.Value.Clone();
            case PathOperand p:
                return DocumentPaths.Get(item, p.Path)?.Clone() ?? throw DynamoDbErrors.Validation(MissingAttribute);
            case FunctionOperand { Name: "if_not_exists" } f:
                return DocumentPaths.Get(item, ((PathOperand)f.Arguments[0]).Path)?.Clone() ?? Compute(f.Arguments[1], item);
            case FunctionOperand { Name: "list_append" } f:
                var first = Compute(f.Arguments[0], item);
                var second = Compute(f.Arguments[1], item);
                return first.Type == AttributeType.L && second.Type == AttributeType.L
                    ? AttributeValue.FromList([.. first.L, .. second.L])
                    : throw DynamoDbErrors.Validation(WrongType);
            case ArithmeticOperand a:
                var left = Compute(a.Left, item);
                var right = Compute(a.Right, item);
                if (left.Type != AttributeType.N || right.Type != AttributeType.N)
                {
                    throw DynamoDbErrors.Validation(WrongType);
                }
                return Number(a.Subtract ? left.N - right.N : left.N + right.N);
            default:
                throw DynamoDbErrors.Validation(WrongType);
        }
    }

    private static AttributeValue Add(AttributeValue current, AttributeValue value) => (current.Type, value.Type) switch
    {
        (AttributeType.N, AttributeType.N) => Number(current.N + value.N),
        (AttributeType.SS, AttributeType.SS) => AttributeValue.FromStringSet([.. current.SS.Union(value.SS, StringComparer.Ordinal)]),
        (AttributeType.NS, AttributeType.NS) => AttributeValue.FromNumberSet([.. current.NS.Union(value.NS)]),
        (AttributeType.BS, AttributeType.BS) => AttributeValue.FromBinarySet([.. current.BS.Union(value.BS, ByteArrayComparer.Instance)]),
        _ => throw DynamoDbErrors.Validation(WrongType),
    };

    /// <summary>The set without the given elements; null when nothing is left (the attribute is then removed).</summary>
    private static AttributeValue? Subtract(AttributeValue current, AttributeValue value)
    {
        var rest = (current.Type, value.Type) switch
        {
            (AttributeType.SS, AttributeType.SS) => AttributeValue.FromStringSet([.. current.SS.Except(value.SS, StringComparer.Ordinal)]),
            (AttributeType.NS, AttributeType.NS) => AttributeValue.FromNumberSet([.. current.NS.Except(value.NS)]),
            (AttributeType.BS, AttributeType.BS) => AttributeValue.FromBinarySet([.. current.BS.Except(value.BS, ByteArrayComparer.Instance)]),
            _ => throw DynamoDbErrors.Validation(WrongType),
        };
        return rest.SetCount == 0 ? null : rest;
    }

    private static AttributeValue Number(DynamoNumber n) =>
        n.CheckRange(out var error) ? AttributeValue.FromNumber(n) : throw DynamoDbErrors.Validation(error);

    /// <summary>Orders paths so that, under a common parent, higher list indexes come first.</summary>
    private sealed class RemovalOrder : IComparer<DocumentPath>
    {
        public static RemovalOrder Instance { get; } = new();

        public int Compare(DocumentPath? x, DocumentPath? y)
        {
            var n = Math.Min(x!.Elements.Count, y!.Elements.Count);
            for (var i = 0; i < n; i++)
            {
                var a = x.Elements[i];
                var b = y.Elements[i];
                var order = a.IsIndex && b.IsIndex ? b.Index.CompareTo(a.Index) : string.CompareOrdinal(a.ToString(), b.ToString());
                if (order != 0)
                {
                    return order;
                }
            }
            return x.Elements.Count.CompareTo(y.Elements.Count);
        }
    }
}
