using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.S3;

/// <summary>A bucket: its owner, region, objects and multipart uploads. Guarded by the service's lock.</summary>
internal sealed class S3Bucket
{
    public S3Bucket(string name, string owner, string region, string? locationConstraint, DateTimeOffset created)
    {
        Name = name;
        Owner = owner;
        Region = region;
        LocationConstraint = locationConstraint;
        Created = created;
    }

    public string Name { get; }

    /// <summary>The owning account's id.</summary>
    public string Owner { get; }

    public string Region { get; }

    /// <summary>The location constraint as given at creation (null for us-east-1).</summary>
    public string? LocationConstraint { get; }

    public DateTimeOffset Created { get; }

    public S3ObjectTable Objects { get; } = new();

    public Dictionary<string, S3Upload> Uploads { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["name"] = Name,
            ["owner"] = Owner,
            ["region"] = Region,
            ["created"] = S3Json.Time(Created),
            ["objects"] = new JsonArray([.. Objects.Values.Select(x => (JsonNode)x.ToJson())]),
            ["uploads"] = new JsonArray([.. Uploads.Values.Select(u => (JsonNode)u.ToJson())]),
        };
        if (LocationConstraint is not null)
        {
            o["locationConstraint"] = LocationConstraint;
        }
        return o;
    }

    public static S3Bucket FromJson(JsonObject o)
    {
        var bucket = new S3Bucket((string)o["name"]!, (string)o["owner"]!, (string)o["region"]!, (string?)o["locationConstraint"], S3Json.Time(o["created"]));
        foreach (var x in S3Json.Objects(o["objects"]))
        {
            bucket.Objects.Set(S3Object.FromJson(x));
        }
        foreach (var u in S3Json.Objects(o["uploads"]))
        {
            var upload = S3Upload.FromJson(u);
            bucket.Uploads[upload.UploadId] = upload;
        }
        return bucket;
    }
}
