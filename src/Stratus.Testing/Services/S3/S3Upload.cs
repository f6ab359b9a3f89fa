using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.S3;

/// <summary>A multipart upload in progress: what the object will be given, and the parts so far. Guarded by the service's lock.</summary>
internal sealed class S3Upload
{
    public S3Upload(string uploadId, string key, DateTimeOffset initiated, string owner, S3StoredHeaders headers, IReadOnlyDictionary<string, string> metadata, S3ChecksumAlgorithm? checksumAlgorithm, string? checksumType)
    {
        UploadId = uploadId;
        Key = key;
        Initiated = initiated;
        Owner = owner;
        Headers = headers;
        Metadata = metadata;
        ChecksumAlgorithm = checksumAlgorithm;
        ChecksumType = checksumType;
    }

    public string UploadId { get; }

    public string Key { get; }

    public DateTimeOffset Initiated { get; }

    /// <summary>The initiating account's id.</summary>
    public string Owner { get; }

    public S3StoredHeaders Headers { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public S3ChecksumAlgorithm? ChecksumAlgorithm { get; }

    /// <summary><c>COMPOSITE</c> or <c>FULL_OBJECT</c> when the upload has a checksum algorithm.</summary>
    public string? ChecksumType { get; }

    public SortedDictionary<int, S3Part> Parts { get; } = [];

    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["id"] = UploadId,
            ["key"] = Key,
            ["initiated"] = S3Json.Time(Initiated),
            ["owner"] = Owner,
            ["headers"] = Headers.ToJson(),
            ["metadata"] = S3Json.Map(Metadata),
            ["parts"] = new JsonArray([.. Parts.Values.Select(p => (JsonNode)p.ToJson())]),
        };
        if (ChecksumAlgorithm is { } a)
        {
            o["checksumAlgorithm"] = S3Checksums.Name(a);
            o["checksumType"] = ChecksumType;
        }
        return o;
    }

    public static S3Upload FromJson(JsonObject o)
    {
        S3ChecksumAlgorithm? algorithm = S3Checksums.TryParse((string?)o["checksumAlgorithm"], out var a) ? a : null;
        var upload = new S3Upload(
            (string)o["id"]!,
            (string)o["key"]!,
            S3Json.Time(o["initiated"]),
            (string)o["owner"]!,
            S3StoredHeaders.FromJson(o["headers"]),
            S3Json.Map(o["metadata"]),
            algorithm,
            (string?)o["checksumType"]);
        foreach (var p in S3Json.Objects(o["parts"]))
        {
            var part = S3Part.FromJson(p);
            upload.Parts[part.Number] = part;
        }
        return upload;
    }
}
