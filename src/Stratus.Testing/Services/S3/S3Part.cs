using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.S3;

/// <summary>An uploaded part of a multipart upload: its data (a blob), size, ETag, raw MD5, time and checksum.</summary>
internal sealed record S3Part(int Number, string BlobId, long Size, string ETag, byte[] Md5, DateTimeOffset LastModified, string? Checksum)
{
    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["number"] = Number,
            ["blob"] = BlobId,
            ["size"] = Size,
            ["etag"] = ETag,
            ["md5"] = Convert.ToBase64String(Md5),
            ["lastModified"] = S3Json.Time(LastModified),
        };
        if (Checksum is not null)
        {
            o["checksum"] = Checksum;
        }
        return o;
    }

    public static S3Part FromJson(JsonObject o) => new(
        (int)o["number"]!,
        (string)o["blob"]!,
        (long)o["size"]!,
        (string)o["etag"]!,
        Convert.FromBase64String((string)o["md5"]!),
        S3Json.Time(o["lastModified"]),
        (string?)o["checksum"]);
}
