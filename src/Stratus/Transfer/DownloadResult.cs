namespace Stratus.Transfer;

/// <summary>What a download fetched.</summary>
/// <param name="ETag">The object's ETag (every range was fetched with If-Match on it).</param>
/// <param name="Size">The object's size.</param>
/// <param name="Checksum">The stored checksum the bytes were verified against, or null when none was verified.</param>
/// <param name="RangesFetched">The ranges fetched by this call (fewer than all when resumed).</param>
public sealed record DownloadResult(string ETag, long Size, string? Checksum, int RangesFetched);
