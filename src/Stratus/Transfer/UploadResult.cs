namespace Stratus.Transfer;

/// <summary>What an upload made.</summary>
/// <param name="ETag">The object's ETag.</param>
/// <param name="Size">The bytes uploaded.</param>
/// <param name="Checksum">The object's checksum as S3 stores it (base64; a composite one ends in <c>-&lt;parts&gt;</c>), verified; null without a checksum.</param>
/// <param name="VersionId">The version id, when the bucket is versioned.</param>
/// <param name="UploadId">The multipart upload's id, or null for a single PutObject.</param>
/// <param name="Parts">The number of parts (1 for a single PutObject).</param>
/// <param name="PartsSent">The parts sent by this call (fewer than <paramref name="Parts"/> when resumed).</param>
public sealed record UploadResult(string ETag, long Size, string? Checksum, string? VersionId, string? UploadId, int Parts, int PartsSent);
