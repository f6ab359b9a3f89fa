using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;

// Strings here are the S3 model's member names, not names of this code's properties.
#pragma warning disable CA1507

namespace Stratus.Testing.Services.S3;

/// <summary>
/// The headers S3 stores with an object and answers with on GET and HEAD (content type and encoding, cache
/// control, storage class, encryption, ...), by model member name.
/// </summary>
internal sealed class S3StoredHeaders
{
    /// <summary>The string members stored verbatim.</summary>
    public static readonly string[] Members =
    [
        "CacheControl", "ContentDisposition", "ContentEncoding", "ContentLanguage", "ContentType", "WebsiteRedirectLocation",
        "StorageClass", "ServerSideEncryption", "SSEKMSKeyId", "ObjectLockMode", "ObjectLockLegalHoldStatus",
    ];

    private readonly SortedDictionary<string, string> _values;

    private S3StoredHeaders(SortedDictionary<string, string> values, DateTimeOffset? expires, bool bucketKeyEnabled, int tagCount)
    {
        _values = values;
        Expires = expires;
        BucketKeyEnabled = bucketKeyEnabled;
        TagCount = tagCount;
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public DateTimeOffset? Expires { get; }

    public bool BucketKeyEnabled { get; }

    public int TagCount { get; }

    public string StorageClass => Values.TryGetValue("StorageClass", out var s) ? s : "STANDARD";

    /// <summary>The headers a write (PutObject, CreateMultipartUpload, CopyObject with REPLACE) gives, with S3's defaults.</summary>
    public static S3StoredHeaders FromInput(JsonObject input)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in Members)
        {
            if (S3Input.String(input, m) is { } v)
            {
                values[m] = v;
            }
        }
        values.TryAdd("ContentType", "binary/octet-stream");
        values.TryAdd("ServerSideEncryption", "AES256");
        values.TryAdd("StorageClass", "STANDARD");
        var tags = S3Input.String(input, "Tagging") is { } t ? t.Split('&', StringSplitOptions.RemoveEmptyEntries).Length : 0;
        return new S3StoredHeaders(values, S3Input.Timestamp(input, "Expires"), S3Input.Boolean(input, "BucketKeyEnabled"), tags);
    }

    /// <summary>These headers with the tag count of a copy's REPLACE tagging directive.</summary>
    public S3StoredHeaders WithTagCount(int tagCount) => new(new SortedDictionary<string, string>(_values, StringComparer.Ordinal), Expires, BucketKeyEnabled, tagCount);

    /// <summary>These headers with the given members replaced where the input has them.</summary>
    public S3StoredHeaders Override(JsonObject input, IEnumerable<string> members)
    {
        var values = new SortedDictionary<string, string>(_values, StringComparer.Ordinal);
        foreach (var m in members)
        {
            if (S3Input.String(input, m) is { } v)
            {
                values[m] = v;
            }
        }
        return new S3StoredHeaders(values, Expires, BucketKeyEnabled, TagCount);
    }

    /// <summary>Writes the headers as output members (storage class only when not STANDARD, as S3 does).</summary>
    public void WriteTo(JsonObject output)
    {
        foreach (var (name, value) in Values)
        {
            if (name != "StorageClass" || value != "STANDARD")
            {
                output[name] = value;
            }
        }
        if (Expires is { } e)
        {
            output["Expires"] = NativeValues.Timestamp(e);
        }
        if (BucketKeyEnabled)
        {
            output["BucketKeyEnabled"] = true;
        }
        if (TagCount > 0)
        {
            output["TagCount"] = TagCount;
        }
    }

    /// <summary>Writes the encryption headers a write answers with.</summary>
    public void WriteEncryptionTo(JsonObject output)
    {
        foreach (var m in (string[])["ServerSideEncryption", "SSEKMSKeyId"])
        {
            if (Values.TryGetValue(m, out var v))
            {
                output[m] = v;
            }
        }
        if (BucketKeyEnabled)
        {
            output["BucketKeyEnabled"] = true;
        }
    }

    public JsonObject ToJson()
    {
        var values = new JsonObject();
        foreach (var (k, v) in Values)
        {
            values[k] = v;
        }
        var o = new JsonObject { ["values"] = values, ["tagCount"] = TagCount };
        if (Expires is { } e)
        {
            o["expires"] = e.ToString("O", CultureInfo.InvariantCulture);
        }
        if (BucketKeyEnabled)
        {
            o["bucketKeyEnabled"] = true;
        }
        return o;
    }

    public static S3StoredHeaders FromJson(JsonNode? node)
    {
        var o = node as JsonObject ?? [];
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (o["values"] is JsonObject v)
        {
            foreach (var (k, value) in v)
            {
                values[k] = (string?)value ?? "";
            }
        }
        DateTimeOffset? expires = o["expires"] is JsonValue e ? DateTimeOffset.Parse((string)e!, CultureInfo.InvariantCulture) : null;
        return new S3StoredHeaders(values, expires, (bool?)o["bucketKeyEnabled"] ?? false, (int?)o["tagCount"] ?? 0);
    }
}
