using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.S3;

/// <summary>A stored object: its data (a blob), ETag, time, headers, metadata, checksum, and part sizes when it came from a multipart upload.</summary>
internal sealed record S3Object(
    string Key,
    string BlobId,
    long Size,
    string ETag,
    DateTimeOffset LastModified,
    S3StoredHeaders Headers,
    IReadOnlyDictionary<string, string> Metadata,
    S3StoredChecksum? Checksum,
    IReadOnlyList<long>? PartSizes)
{
    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["key"] = Key,
            ["blob"] = BlobId,
            ["size"] = Size,
            ["etag"] = ETag,
            ["lastModified"] = S3Json.Time(LastModified),
            ["headers"] = Headers.ToJson(),
            ["metadata"] = S3Json.Map(Metadata),
        };
        if (Checksum is not null)
        {
            o["checksum"] = Checksum.ToJson();
        }
        if (PartSizes is not null)
        {
            o["parts"] = new JsonArray([.. PartSizes.Select(s => (JsonNode)s)]);
        }
        return o;
    }

    public static S3Object FromJson(JsonObject o) => new(
        (string)o["key"]!,
        (string)o["blob"]!,
        (long)o["size"]!,
        (string)o["etag"]!,
        S3Json.Time(o["lastModified"]),
        S3StoredHeaders.FromJson(o["headers"]),
        S3Json.Map(o["metadata"]),
        S3StoredChecksum.FromJson(o["checksum"]),
        o["parts"] is JsonArray parts ? [.. parts.Select(p => (long)p!)] : null);
}
