namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>A document path (<c>a.b[0].c</c>) with placeholders already replaced by the names they stand for.</summary>
internal sealed class DocumentPath : IEquatable<DocumentPath>
{
    /// <summary>Creates a path.</summary>
    public DocumentPath(IReadOnlyList<PathElement> elements)
    {
        Elements = elements;
    }

    /// <summary>The steps; the first is always a name.</summary>
    public IReadOnlyList<PathElement> Elements { get; }

    /// <summary>The top-level attribute the path starts at.</summary>
    public string Head => Elements[0].Name!;

    /// <summary>A one-step path to a top-level attribute.</summary>
    public static DocumentPath Attribute(string name) => new([PathElement.Key(name)]);

    /// <summary>Whether this path is <paramref name="other"/> or leads into it.</summary>
    public bool IsPrefixOf(DocumentPath other) =>
        Elements.Count <= other.Elements.Count && Elements.Select((e, i) => e == other.Elements[i]).All(x => x);

    /// <summary>
    /// Whether two paths cannot both be used in one expression: one leads into the other ("overlap"), or they
    /// part ways at a step that is a name in one and an index in the other ("conflict"). Null when they can.
    /// </summary>
    public static string? Clash(DocumentPath a, DocumentPath b)
    {
        var n = Math.Min(a.Elements.Count, b.Elements.Count);
        for (var i = 0; i < n; i++)
        {
            var x = a.Elements[i];
            var y = b.Elements[i];
            if (x != y)
            {
                return x.IsIndex != y.IsIndex ? "conflict" : null;
            }
        }
        return "overlap";
    }

    /// <inheritdoc />
    public bool Equals(DocumentPath? other) => other is not null && other.Elements.SequenceEqual(Elements);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DocumentPath);

    /// <inheritdoc />
    public override int GetHashCode() => Elements.Aggregate(0, (h, e) => HashCode.Combine(h, e));

    /// <summary>The path as DynamoDB's messages show it: <c>[a, b, [0]]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", Elements) + "]";
}
