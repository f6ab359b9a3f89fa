using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.S3;

public sealed partial class S3Service
{
    private static readonly (string Query, string Output)[] ResponseOverrides =
    [
        ("ResponseCacheControl", "CacheControl"), ("ResponseContentDisposition", "ContentDisposition"), ("ResponseContentEncoding", "ContentEncoding"),
        ("ResponseContentLanguage", "ContentLanguage"), ("ResponseContentType", "ContentType"),
    ];

    private async ValueTask<JsonObject> PutObjectAsync(MockCallContext context, JsonObject input, CancellationToken cancellationToken)
    {
        var bucketName = S3Input.Required(input, "Bucket");
        var key = S3Input.Key(input);
        var metadata = S3Input.Metadata(input);
        var headers = S3StoredHeaders.FromInput(input);
        var md5 = ContentMd5(input);
        var sent = S3Checksums.ReadValue(input);
        // S3 stores the checksum the client sent (or announced for a trailer), and computes CRC64NVME otherwise.
        var algorithm = sent?.Algorithm
            ?? (S3Checksums.TryParse(S3Input.String(input, "ChecksumAlgorithm"), out var announced) ? announced : S3ChecksumAlgorithm.Crc64Nvme);
        lock (_gate)
        {
            S3Conditions.CheckWrite(input, Bucket(input).Objects.TryGet(key, out var existing) ? existing : null, key);
        }
        var blob = await StoreAsync(context, Body(input), md5: true, algorithm, cancellationToken).ConfigureAwait(false);
        Verify(context, input, blob, md5, algorithm);
        var checksum = new S3StoredChecksum(algorithm, blob.Checksum!, S3StoredChecksum.FullObject);
        var value = new S3Object(key, blob.Id, blob.Length, ETag(blob.Md5), Seconds(context.Now), headers, metadata, checksum, null);
        Commit(context, input, bucketName, value);
        var output = new JsonObject { ["ETag"] = value.ETag };
        checksum.WriteTo(output);
        headers.WriteEncryptionTo(output);
        return output;
    }

    private JsonObject GetObject(MockCallContext context, JsonObject input)
    {
        lock (_gate)
        {
            var value = FindObject(input);
            S3Conditions.CheckRead(input, value, context.Now);
            var output = Describe(value, input, out var range);
            var data = context.Blobs.Open(value.BlobId);
            output["Body"] = NativeValues.Stream(range is { } r ? new RangeReadStream(data, r.Start, r.Length) : data);
            return output;
        }
    }

    private JsonObject HeadObject(MockCallContext context, JsonObject input)
    {
        lock (_gate)
        {
            var value = FindObject(input);
            S3Conditions.CheckRead(input, value, context.Now);
            return Describe(value, input, out _);
        }
    }

    private JsonObject DeleteObject(MockCallContext context, JsonObject input)
    {
        S3Object? removed;
        lock (_gate)
        {
            var bucket = Bucket(input);
            var key = S3Input.Required(input, "Key");
            S3Input.RequireNullVersion(input);
            if (S3Input.String(input, "IfMatch") is { } match)
            {
                if (!bucket.Objects.TryGet(key, out var existing))
                {
                    throw S3Errors.NoSuchKey(key);
                }
                if (!S3Conditions.ETagMatches(match, existing.ETag))
                {
                    throw S3Errors.PreconditionFailed("If-Match");
                }
            }
            removed = bucket.Objects.Remove(key);
            if (removed is not null)
            {
                Changed();
            }
        }
        if (removed is not null)
        {
            DeleteBlob(context, removed.BlobId);
        }
        return [];
    }

    private JsonObject DeleteObjects(MockCallContext context, JsonObject input)
    {
        var request = input["Delete"] as JsonObject;
        var keys = request?["Objects"] as JsonArray;
        if (keys is null || keys.Count == 0 || keys.Count > S3Limits.MaxDeleteKeys)
        {
            throw S3Errors.MalformedXml();
        }
        var quiet = S3Input.Boolean(request!, "Quiet");
        var deleted = new JsonArray();
        var errors = new JsonArray();
        var blobs = new List<string>();
        lock (_gate)
        {
            var bucket = Bucket(input);
            foreach (var item in keys.OfType<JsonObject>())
            {
                var key = S3Input.String(item, "Key") ?? "";
                var version = S3Input.String(item, "VersionId");
                if (DeleteOneOf(bucket, item, key, version) is { } error)
                {
                    errors.Add((JsonNode)error);
                    continue;
                }
                if (bucket.Objects.Remove(key) is { } removed)
                {
                    blobs.Add(removed.BlobId);
                    Changed();
                }
                if (!quiet)
                {
                    var entry = new JsonObject { ["Key"] = key };
                    if (version is not null)
                    {
                        entry["VersionId"] = version;
                    }
                    deleted.Add((JsonNode)entry);
                }
            }
        }
        blobs.ForEach(id => DeleteBlob(context, id));
        var output = new JsonObject();
        if (deleted.Count > 0)
        {
            output["Deleted"] = deleted;
        }
        if (errors.Count > 0)
        {
            output["Errors"] = errors;
        }
        return output;
    }

    /// <summary>Why one key of a DeleteObjects call cannot be deleted (an <c>Error</c> entry), or null.</summary>
    private static JsonObject? DeleteOneOf(S3Bucket bucket, JsonObject item, string key, string? version)
    {
        static JsonObject Error(string key, string? version, string code, string message)
        {
            var e = new JsonObject { ["Key"] = key, ["Code"] = code, ["Message"] = message };
            if (version is not null)
            {
                e["VersionId"] = version;
            }
            return e;
        }
        if (key.Length == 0)
        {
            return Error(key, version, "UserKeyMustBeSpecified", "The delete request must specify a key.");
        }
        if (System.Text.Encoding.UTF8.GetByteCount(key) > S3Limits.MaxKeyBytes)
        {
            return Error(key, version, "KeyTooLongError", "Your key is too long");
        }
        if (version is not null && version != "null")
        {
            return Error(key, version, "NoSuchVersion", "The specified version does not exist.");
        }
        if (S3Input.String(item, "ETag") is { } etag)
        {
            if (!bucket.Objects.TryGet(key, out var existing))
            {
                return Error(key, version, "NoSuchKey", "The specified key does not exist.");
            }
            if (!S3Conditions.ETagMatches(etag, existing.ETag))
            {
                return Error(key, version, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
            }
        }
        return null;
    }

    /// <summary>The input's object (under the lock): NoSuchBucket, NoSuchKey, or a version other than <c>null</c>.</summary>
    private S3Object FindObject(JsonObject input)
    {
        var bucket = Bucket(input);
        var key = S3Input.Required(input, "Key");
        S3Input.RequireNullVersion(input);
        return bucket.Objects.TryGet(key, out var value) ? value : throw S3Errors.NoSuchKey(key);
    }

    /// <summary>
    /// The output of GET and HEAD without the body: the stored headers and metadata, the range or part asked for
    /// (<c>ContentRange</c> set: a 206), checksums when <c>ChecksumMode</c> is ENABLED for the whole object, and the
    /// <c>response-*</c> overrides.
    /// </summary>
    private static JsonObject Describe(S3Object value, JsonObject input, out S3Range? range)
    {
        var partNumber = S3Input.Int64(input, "PartNumber");
        var rangeHeader = S3Input.String(input, "Range");
        int? partsCount = null;
        if (partNumber is { } n)
        {
            if (rangeHeader is not null)
            {
                throw S3Errors.InvalidRequest("Cannot specify both Range header and partNumber query parameter");
            }
            if (n is < 1 or > S3Limits.MaxPartNumber)
            {
                throw S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", n.ToString(CultureInfo.InvariantCulture));
            }
            var parts = value.PartSizes ?? [value.Size];
            if (n > parts.Count)
            {
                throw S3Errors.InvalidPartNumber((int)n, parts.Count);
            }
            range = value.PartSizes is null ? null : new S3Range(parts.Take((int)n - 1).Sum(), parts[(int)n - 1]);
            partsCount = value.PartSizes?.Count;
        }
        else
        {
            range = S3Range.Resolve(rangeHeader, value.Size);
        }
        var output = new JsonObject
        {
            ["AcceptRanges"] = "bytes",
            ["LastModified"] = NativeValues.Timestamp(value.LastModified),
            ["ContentLength"] = range?.Length ?? value.Size,
            ["ETag"] = value.ETag,
        };
        value.Headers.WriteTo(output);
        if (value.Metadata.Count > 0)
        {
            output["Metadata"] = S3Json.Map(value.Metadata);
        }
        if (range is { } r)
        {
            output["ContentRange"] = r.ContentRange(value.Size);
        }
        if (partsCount is { } count)
        {
            output["PartsCount"] = count;
        }
        if (range is null && value.Checksum is { } checksum && string.Equals(S3Input.String(input, "ChecksumMode"), "ENABLED", StringComparison.OrdinalIgnoreCase))
        {
            checksum.WriteTo(output);
        }
        foreach (var (query, member) in ResponseOverrides)
        {
            if (S3Input.String(input, query) is { } v)
            {
                output[member] = v;
            }
        }
        if (S3Input.Timestamp(input, "ResponseExpires") is { } expires)
        {
            output["Expires"] = NativeValues.Timestamp(expires);
        }
        return output;
    }
}
