namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>Reads, writes and removes the value at a document path in an item.</summary>
internal static class DocumentPaths
{
    /// <summary>The value at <paramref name="path"/>, or null when the item has none there.</summary>
    public static AttributeValue? Get(Dictionary<string, AttributeValue> item, DocumentPath path)
    {
        if (!item.TryGetValue(path.Head, out var current))
        {
            return null;
        }
        for (var i = 1; i < path.Elements.Count; i++)
        {
            var step = path.Elements[i];
            if (step.IsIndex)
            {
                if (current.Type != AttributeType.L || step.Index >= current.L.Count)
                {
                    return null;
                }
                current = current.L[step.Index];
            }
            else if (current.Type != AttributeType.M || !current.M.TryGetValue(step.Name!, out current))
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>
    /// Stores <paramref name="value"/> at <paramref name="path"/>, editing the item in place. An index past the
    /// end of a list appends. False when the path's parent does not exist or is not a map (list) for a name (index).
    /// </summary>
    public static bool TrySet(Dictionary<string, AttributeValue> item, DocumentPath path, AttributeValue value)
    {
        if (path.Elements.Count == 1)
        {
            item[path.Head] = value;
            return true;
        }
        var parent = Get(item, Parent(path));
        var last = path.Elements[^1];
        if (last.IsIndex)
        {
            if (parent?.Type != AttributeType.L)
            {
                return false;
            }
            if (last.Index < parent.L.Count)
            {
                parent.L[last.Index] = value;
            }
            else
            {
                parent.L.Add(value);
            }
            return true;
        }
        if (parent?.Type != AttributeType.M)
        {
            return false;
        }
        parent.M[last.Name!] = value;
        return true;
    }

    /// <summary>Removes the value at <paramref name="path"/> (a list closes the gap); nothing when there is none.</summary>
    public static void Remove(Dictionary<string, AttributeValue> item, DocumentPath path)
    {
        if (path.Elements.Count == 1)
        {
            item.Remove(path.Head);
            return;
        }
        var parent = Get(item, Parent(path));
        var last = path.Elements[^1];
        if (last.IsIndex && parent?.Type == AttributeType.L && last.Index < parent.L.Count)
        {
            parent.L.RemoveAt(last.Index);
        }
        else if (!last.IsIndex && parent?.Type == AttributeType.M)
        {
            parent.M.Remove(last.Name!);
        }
    }

    private static DocumentPath Parent(DocumentPath path) => new(path.Elements.Take(path.Elements.Count - 1).ToList());
}
