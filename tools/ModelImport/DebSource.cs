namespace Stratus.ModelImport;

/// <summary>Where a botocore package came from: what PROVENANCE.md records for it.</summary>
internal sealed record DebSource(
    string Package,
    string PackageVersion,
    string BotocoreVersion,
    string? Suite,
    string DebFileName,
    string DebSha256,
    long DebSize,
    bool LocalDeb,
    IReadOnlyList<string> Commands);

/// <summary>What was written for one protocol variant, and where it came from.</summary>
internal sealed record VariantResult(ProtocolVariant Variant, ServiceResult Result, DebSource Source);
