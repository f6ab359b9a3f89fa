using Stratus.Testing.Services.DynamoDb.Expressions;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>
/// Checks a Query's KeyConditionExpression against the key it reads: an equality on the partition key,
/// optionally AND one condition on the sort key (=, &lt;, &lt;=, &gt;, &gt;=, BETWEEN, begins_with); and
/// checks that a Query's FilterExpression does not test key attributes.
/// </summary>
internal static class KeyConditions
{
    /// <summary>The partition key value and the sort key condition (null when there is none).</summary>
    /// <exception cref="Mock.MockServiceException">A ValidationException with AWS's message.</exception>
    public static (AttributeValue Hash, Condition? Range) Analyze(Condition condition, KeySchema keys)
    {
        var leaves = new List<Condition>();
        Flatten(condition, leaves);
        AttributeValue? hash = null;
        Condition? range = null;
        foreach (var leaf in leaves)
        {
            var (name, values) = Target(leaf);
            if (name == keys.HashName)
            {
                if (hash is not null)
                {
                    throw DynamoDbErrors.Validation("KeyConditionExpressions must only contain one condition per key");
                }
                if (leaf is not ComparisonCondition { Comparator: "=" })
                {
                    throw DynamoDbErrors.Validation("Query key condition not supported");
                }
                hash = values[0];
            }
            else if (name == keys.RangeName)
            {
                if (range is not null)
                {
                    throw DynamoDbErrors.Validation("KeyConditionExpressions must only contain one condition per key");
                }
                range = leaf;
            }
            else
            {
                throw DynamoDbErrors.Validation("Query condition missed key schema element: " + (hash is null ? keys.HashName : keys.RangeName ?? keys.HashName));
            }
            if (values.Any(v => v.Type != keys.TypeOf(name)))
            {
                if (leaf is FunctionCondition && keys.TypeOf(name) == AttributeType.N)
                {
                    throw DynamoDbErrors.Validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
                }
                throw DynamoDbErrors.Invalid("Condition parameter type does not match schema type");
            }
        }
        return (hash ?? throw DynamoDbErrors.Validation($"Query condition missed key schema element: {keys.HashName}"), range);
    }

    /// <summary>Rejects a Query filter that tests the key read: DynamoDB wants those conditions in the key condition.</summary>
    public static void CheckFilter(Condition filter, KeySchema keys)
    {
        if (Paths(filter).FirstOrDefault(p => keys.Contains(p.Head)) is { } path)
        {
            throw DynamoDbErrors.Validation($"Filter Expression can only contain non-primary key attributes: Primary key attribute: {path.Head}");
        }
    }

    private static void Flatten(Condition condition, List<Condition> leaves)
    {
        switch (condition)
        {
            case LogicalCondition { IsAnd: true } and:
                Flatten(and.Left, leaves);
                Flatten(and.Right, leaves);
                break;
            case LogicalCondition:
                throw Unsupported("OR");
            case NotCondition:
                throw Unsupported("NOT");
            case InCondition:
                throw Unsupported("IN");
            case ComparisonCondition { Comparator: "<>" }:
                throw Unsupported("<>");
            case FunctionCondition { Name: not "begins_with" } f:
                throw Unsupported(f.Name);
            default:
                leaves.Add(condition);
                break;
        }
    }

    /// <summary>The key attribute a leaf condition tests and the values it compares it with.</summary>
    private static (string Name, List<AttributeValue> Values) Target(Condition leaf)
    {
        var operands = leaf switch
        {
            ComparisonCondition c => [c.Left, c.Right],
            BetweenCondition b => [b.Value, b.Low, b.High],
            FunctionCondition f => f.Arguments.ToList(),
            _ => [],
        };
        var paths = operands.OfType<PathOperand>().ToList();
        var values = operands.OfType<ValueOperand>().Select(v => v.Value).ToList();
        if (paths.Count != 1 || paths[0].Path.Elements.Count != 1 || values.Count != operands.Count - 1)
        {
            throw DynamoDbErrors.Validation("Query key condition not supported");
        }
        return (paths[0].Path.Head, values);
    }

    private static Mock.MockServiceException Unsupported(string op) =>
        DynamoDbErrors.Validation($"Invalid operator used in KeyConditionExpression: {op}");

    private static IEnumerable<DocumentPath> Paths(Condition condition) => condition switch
    {
        LogicalCondition l => Paths(l.Left).Concat(Paths(l.Right)),
        NotCondition n => Paths(n.Inner),
        ComparisonCondition c => Paths(c.Left).Concat(Paths(c.Right)),
        BetweenCondition b => Paths(b.Value).Concat(Paths(b.Low)).Concat(Paths(b.High)),
        InCondition i => Paths(i.Value).Concat(i.Candidates.SelectMany(Paths)),
        FunctionCondition f => f.Arguments.SelectMany(Paths),
        _ => [],
    };

    private static IEnumerable<DocumentPath> Paths(Operand operand) => operand switch
    {
        PathOperand p => [p.Path],
        FunctionOperand f => f.Arguments.SelectMany(Paths),
        _ => [],
    };
}
