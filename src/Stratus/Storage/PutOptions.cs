namespace Stratus.Storage;

/// <summary>How <see cref="ObjectStore.PutAsync"/> stores an object.</summary>
public sealed class PutOptions
{
    /// <summary>The content type. Default: <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>User metadata (keys lowercased by most providers; values ASCII).</summary>
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The content's length when the caller knows it and the stream cannot tell (it decides single or multipart upload).</summary>
    public long? Length { get; set; }

    /// <summary>The part size for large objects. Default: the provider's (8 MiB for S3, 8 MiB blocks for Azure, 64 MiB segments for Swift).</summary>
    public long? PartSize { get; set; }

    /// <summary>Parts in flight at once for large objects. Default: 4.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Reports the bytes sent so far.</summary>
    public IProgress<long>? Progress { get; set; }
}
