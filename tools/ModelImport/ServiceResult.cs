namespace Stratus.ModelImport;

/// <summary>What was written for one service: its index entry and sizes.</summary>
internal sealed record ServiceResult(
    string Name,
    string ApiVersion,
    string? Protocol,
    IReadOnlyList<string> Protocols,
    string? EndpointPrefix,
    string? SigningName,
    string? ServiceId,
    IReadOnlyList<string> Documents,
    long Size,
    long CompressedSize,
    int StrippedKeys);
