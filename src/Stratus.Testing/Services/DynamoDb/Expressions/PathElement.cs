namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>One step of a document path: a map key (or top-level attribute name), or a list index.</summary>
/// <param name="Name">The attribute or map key name; null for a list index.</param>
/// <param name="Index">The list index, when <paramref name="Name"/> is null.</param>
internal readonly record struct PathElement(string? Name, int Index)
{
    /// <summary>Whether the step is a list index.</summary>
    public bool IsIndex => Name is null;

    /// <summary>A name step.</summary>
    public static PathElement Key(string name) => new(name, 0);

    /// <summary>An index step.</summary>
    public static PathElement At(int index) => new(null, index);

    /// <summary>The step as DynamoDB's messages show it: <c>name</c> or <c>[0]</c>.</summary>
    public override string ToString() => Name ?? $"[{Index}]";
}
