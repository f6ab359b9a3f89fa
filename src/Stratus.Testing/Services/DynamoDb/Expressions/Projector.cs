namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>
/// Keeps only the parts of an item that document paths name, as DynamoDB returns them: nested maps keep the
/// named keys; lists keep the named elements, in index order, closed up.
/// </summary>
internal static class Projector
{
    /// <summary>The projected copy of <paramref name="item"/>.</summary>
    public static Dictionary<string, AttributeValue> Project(Dictionary<string, AttributeValue> item, IReadOnlyList<DocumentPath> paths)
    {
        var projected = Keep(AttributeValue.FromMap(item), paths.Select(p => p.Elements.ToArray().AsMemory()).ToList());
        return projected?.M ?? new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
    }

    private static AttributeValue? Keep(AttributeValue value, List<Memory<PathElement>> rests)
    {
        if (rests.Exists(r => r.IsEmpty))
        {
            return value.Clone();
        }
        if (value.Type == AttributeType.M)
        {
            var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var group in rests.Where(r => !r.Span[0].IsIndex).GroupBy(r => r.Span[0].Name!, StringComparer.Ordinal))
            {
                if (value.M.TryGetValue(group.Key, out var child) && Keep(child, group.Select(r => r[1..]).ToList()) is { } kept)
                {
                    map[group.Key] = kept;
                }
            }
            return map.Count > 0 ? AttributeValue.FromMap(map) : null;
        }
        if (value.Type == AttributeType.L)
        {
            var list = new List<AttributeValue>();
            foreach (var group in rests.Where(r => r.Span[0].IsIndex).GroupBy(r => r.Span[0].Index).OrderBy(g => g.Key))
            {
                if (group.Key < value.L.Count && Keep(value.L[group.Key], group.Select(r => r[1..]).ToList()) is { } kept)
                {
                    list.Add(kept);
                }
            }
            return list.Count > 0 ? AttributeValue.FromList(list) : null;
        }
        return null;
    }
}
