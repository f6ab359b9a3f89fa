namespace Stratus.OpenStack.Swift;

/// <summary>How <see cref="SwiftClient.UploadAsync"/> stores an object: at once, or as a static large object of segments uploaded in parallel.</summary>
public sealed class SwiftUploadOptions
{
    /// <summary>The default segment size: 64 MiB.</summary>
    public const long DefaultSegmentSize = 64L * 1024 * 1024;

    /// <summary>The segment size; content longer than one segment becomes a static large object. Default: 64 MiB.</summary>
    public long SegmentSize { get; set; } = DefaultSegmentSize;

    /// <summary>Segments in flight at once (each holds one segment in memory; one more is read meanwhile). Default: 4.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>The container of the segments. Default: <c>&lt;container&gt;_segments</c> (python-swiftclient's), created when missing.</summary>
    public string? SegmentContainer { get; set; }

    /// <summary>The content type. Default: <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>User metadata (<c>X-Object-Meta-*</c>).</summary>
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The content's length when the caller knows it and the stream cannot tell.</summary>
    public long? Length { get; set; }

    /// <summary>Reports the bytes stored so far.</summary>
    public IProgress<long>? Progress { get; set; }
}
