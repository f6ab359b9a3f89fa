namespace Stratus.Storage;

/// <summary>What a store knows of an object.</summary>
public sealed record ObjectInfo
{
    /// <summary>The container.</summary>
    public required string Container { get; init; }

    /// <summary>The key (name) within the container.</summary>
    public required string Key { get; init; }

    /// <summary>The size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The provider's entity tag, without quotes, if known (not always an MD5: parts change it).</summary>
    public string? ETag { get; init; }

    /// <summary>When it was last written, if known.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The content type, if known.</summary>
    public string? ContentType { get; init; }

    /// <summary>User metadata, keys lowercased (empty when none, or when a listing does not return it).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    internal static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();
}
