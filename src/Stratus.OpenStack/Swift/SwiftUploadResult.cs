namespace Stratus.OpenStack.Swift;

/// <summary>What <see cref="SwiftClient.UploadAsync"/> stored.</summary>
/// <param name="ETag">The object's ETag, unquoted (for a static large object, Swift's MD5 of its segments' ETags).</param>
/// <param name="Size">The bytes stored.</param>
/// <param name="Segments">The segments of a static large object, or 0 for a plain object.</param>
/// <param name="LastModified">When it was written, if Swift said.</param>
public sealed record SwiftUploadResult(string? ETag, long Size, int Segments, DateTimeOffset? LastModified);
