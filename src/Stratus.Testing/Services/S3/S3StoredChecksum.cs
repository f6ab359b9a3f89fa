using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.S3;

/// <summary>An object's (or part's) flexible checksum: the algorithm, the base64 value, and <c>FULL_OBJECT</c> or <c>COMPOSITE</c>.</summary>
internal sealed record S3StoredChecksum(S3ChecksumAlgorithm Algorithm, string Value, string Type)
{
    public const string FullObject = "FULL_OBJECT";
    public const string Composite = "COMPOSITE";

    /// <summary>Writes the checksum member and <c>ChecksumType</c> to an output.</summary>
    public void WriteTo(JsonObject output)
    {
        output[S3Checksums.Member(Algorithm)] = Value;
        output["ChecksumType"] = Type;
    }

    public JsonObject ToJson() => new() { ["algorithm"] = S3Checksums.Name(Algorithm), ["value"] = Value, ["type"] = Type };

    public static S3StoredChecksum? FromJson(JsonNode? node) =>
        node is JsonObject o && S3Checksums.TryParse((string?)o["algorithm"], out var a)
            ? new S3StoredChecksum(a, (string)o["value"]!, (string?)o["type"] ?? FullObject)
            : null;
}
