using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.S3;

public sealed partial class S3Service
{
    /// <summary>The headers a COPY directive still takes from the request rather than the source.</summary>
    private static readonly string[] CopyRequestHeaders = ["StorageClass", "WebsiteRedirectLocation", "ServerSideEncryption", "SSEKMSKeyId"];

    private async ValueTask<JsonObject> CopyObjectAsync(MockCallContext context, JsonObject input, CancellationToken cancellationToken)
    {
        var bucketName = S3Input.Required(input, "Bucket");
        var key = S3Input.Key(input);
        var (sourceBucket, sourceKey, sourceVersion) = CopySource(S3Input.Required(input, "CopySource"));
        var replaceMetadata = Directive(input, "MetadataDirective", "x-amz-metadata-directive", "Unknown metadata directive.");
        var replaceTags = Directive(input, "TaggingDirective", "x-amz-tagging-directive", "Unknown tagging directive.");
        S3Object source;
        Stream data;
        lock (_gate)
        {
            if (!_buckets.TryGetValue(sourceBucket, out var from))
            {
                throw S3Errors.NoSuchBucket(sourceBucket);
            }
            if (!from.Objects.TryGet(sourceKey, out source!))
            {
                throw S3Errors.NoSuchKey(sourceKey);
            }
            if (sourceVersion is not null && sourceVersion != "null")
            {
                throw S3Errors.InvalidVersionId();
            }
            S3Conditions.CheckCopySource(input, source, context.Now);
            var to = Bucket(input);
            S3Conditions.CheckWrite(input, to.Objects.TryGet(key, out var existing) ? existing : null, key);
            if (to == from && key == sourceKey && !replaceMetadata && !CopyRequestHeaders.Any(h => S3Input.String(input, h) is not null))
            {
                throw S3Errors.InvalidRequest("This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
            }
            data = context.Blobs.Open(source.BlobId);
        }
        var headers = replaceMetadata ? S3StoredHeaders.FromInput(input) : source.Headers.Override(input, CopyRequestHeaders);
        if (replaceTags != replaceMetadata)
        {
            headers = headers.WithTagCount(replaceTags ? S3StoredHeaders.FromInput(input).TagCount : source.Headers.TagCount);
        }
        var metadata = replaceMetadata ? S3Input.Metadata(input) : source.Metadata;
        var algorithm = S3Checksums.TryParse(S3Input.String(input, "ChecksumAlgorithm"), out var requested)
            ? requested
            : source.Checksum?.Algorithm ?? S3ChecksumAlgorithm.Crc64Nvme;
        StoredBlob blob;
        await using (data.ConfigureAwait(false))
        {
            blob = await StoreAsync(context, data, md5: true, algorithm, cancellationToken).ConfigureAwait(false);
        }
        var checksum = new S3StoredChecksum(algorithm, blob.Checksum!, S3StoredChecksum.FullObject);
        var value = new S3Object(key, blob.Id, blob.Length, ETag(blob.Md5), Seconds(context.Now), headers, metadata, checksum, null);
        Commit(context, input, bucketName, value);
        var result = new JsonObject { ["ETag"] = value.ETag, ["LastModified"] = NativeValues.Timestamp(value.LastModified) };
        checksum.WriteTo(result);
        var output = new JsonObject { ["CopyObjectResult"] = result };
        headers.WriteEncryptionTo(output);
        return output;
    }

    /// <summary>Reads <c>x-amz-copy-source</c>: <c>bucket/key</c>, optionally with a leading slash and <c>?versionId=</c>, URL-encoded.</summary>
    private static (string Bucket, string Key, string? VersionId) CopySource(string value)
    {
        var text = value;
        string? version = null;
        var q = text.IndexOf("?versionId=", StringComparison.Ordinal);
        if (q >= 0)
        {
            version = Uri.UnescapeDataString(text[(q + 11)..]);
            text = text[..q];
        }
        text = Uri.UnescapeDataString(text).TrimStart('/');
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            throw S3Errors.InvalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey", "x-amz-copy-source", value);
        }
        return (text[..slash], text[(slash + 1)..], version);
    }

    /// <summary>Whether a COPY|REPLACE directive says REPLACE (COPY when absent).</summary>
    private static bool Directive(JsonObject input, string member, string header, string message) =>
        S3Input.String(input, member) switch
        {
            null or "COPY" => false,
            "REPLACE" => true,
            var other => throw S3Errors.InvalidArgument(message, header, other),
        };
}
