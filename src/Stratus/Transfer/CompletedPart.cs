namespace Stratus.Transfer;

/// <summary>A part in S3: its number, ETag, checksum (base64, or null), size, and whether this call sent it.</summary>
internal sealed record CompletedPart(int Number, string ETag, string? Checksum, long Size, bool Sent);
