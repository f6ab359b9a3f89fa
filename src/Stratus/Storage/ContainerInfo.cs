namespace Stratus.Storage;

/// <summary>A container (bucket).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Created">When it was created (or last modified, where that is all the provider says), if known.</param>
public sealed record ContainerInfo(string Name, DateTimeOffset? Created = null);
