using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.S3;

public sealed partial class S3Service
{
    private JsonObject CreateMultipartUpload(MockCallContext context, JsonObject input)
    {
        var key = S3Input.Key(input);
        var metadata = S3Input.Metadata(input);
        var headers = S3StoredHeaders.FromInput(input);
        var (algorithm, type) = UploadChecksum(input);
        string uploadId;
        lock (_gate)
        {
            var bucket = Bucket(input);
            uploadId = (++_uploadSequence).ToString("x16", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N");
            bucket.Uploads[uploadId] = new S3Upload(uploadId, key, context.Now, context.Account.AccountId, headers, metadata, algorithm, type);
            Changed();
        }
        var output = new JsonObject { ["Bucket"] = S3Input.Required(input, "Bucket"), ["Key"] = key, ["UploadId"] = uploadId };
        headers.WriteEncryptionTo(output);
        if (algorithm is { } a)
        {
            output["ChecksumAlgorithm"] = S3Checksums.Name(a);
            output["ChecksumType"] = type;
        }
        return output;
    }

    private async ValueTask<JsonObject> UploadPartAsync(MockCallContext context, JsonObject input, CancellationToken cancellationToken)
    {
        var key = S3Input.Key(input);
        var uploadId = S3Input.Required(input, "UploadId");
        var number = PartNumber(input);
        var md5 = ContentMd5(input);
        var sent = S3Checksums.ReadValue(input);
        S3Upload upload;
        lock (_gate)
        {
            upload = FindUpload(Bucket(input), uploadId, key);
        }
        if (sent is { } s && upload.ChecksumAlgorithm is { } expected && s.Algorithm != expected)
        {
            throw S3Errors.InvalidRequest($"Checksum Type mismatch occurred, expected checksum Type: {S3Checksums.Name(expected).ToLowerInvariant()}, actual checksum Type: {S3Checksums.Name(s.Algorithm).ToLowerInvariant()}");
        }
        var algorithm = upload.ChecksumAlgorithm ?? sent?.Algorithm;
        var blob = await StoreAsync(context, Body(input), md5: true, algorithm, cancellationToken).ConfigureAwait(false);
        Verify(context, input, blob, md5, algorithm);
        var part = new S3Part(number, blob.Id, blob.Length, ETag(blob.Md5), blob.Md5, Seconds(context.Now), upload.ChecksumAlgorithm is null ? null : blob.Checksum);
        S3Part? replaced;
        lock (_gate)
        {
            try
            {
                upload = FindUpload(Bucket(input), uploadId, key);
            }
            catch
            {
                DeleteBlob(context, blob.Id);
                throw;
            }
            upload.Parts.Remove(number, out replaced);
            upload.Parts[number] = part;
            Changed();
        }
        if (replaced is not null)
        {
            DeleteBlob(context, replaced.BlobId);
        }
        var output = new JsonObject { ["ETag"] = part.ETag };
        if (algorithm is { } a)
        {
            output[S3Checksums.Member(a)] = blob.Checksum;
        }
        upload.Headers.WriteEncryptionTo(output);
        return output;
    }

    private async ValueTask<JsonObject> CompleteMultipartUploadAsync(MockCallContext context, JsonObject input, CancellationToken cancellationToken)
    {
        var bucketName = S3Input.Required(input, "Bucket");
        var key = S3Input.Key(input);
        var uploadId = S3Input.Required(input, "UploadId");
        var requested = (input["MultipartUpload"] as JsonObject)?["Parts"] as JsonArray;
        if (requested is null || requested.Count == 0)
        {
            throw S3Errors.MalformedXml();
        }
        var sent = S3Checksums.ReadValue(input);
        S3Upload upload;
        List<S3Part> parts;
        lock (_gate)
        {
            var bucket = Bucket(input);
            upload = FindUpload(bucket, uploadId, key);
            S3Conditions.CheckWrite(input, bucket.Objects.TryGet(key, out var existing) ? existing : null, key);
            parts = SelectParts(upload, requested);
            if (sent is { } s && s.Algorithm != upload.ChecksumAlgorithm)
            {
                throw S3Errors.InvalidRequest($"The upload was created using the {(upload.ChecksumAlgorithm is { } a ? S3Checksums.Name(a).ToLowerInvariant() : "null")} checksum mode. The complete request must use the same checksum mode.");
            }
            // Taken out while its parts are joined, so no call changes them meanwhile; put back if completing fails.
            bucket.Uploads.Remove(uploadId);
            Changed();
        }
        try
        {
            var value = await JoinPartsAsync(context, input, upload, parts, sent, cancellationToken).ConfigureAwait(false);
            Commit(context, input, bucketName, value);
            foreach (var part in upload.Parts.Values)
            {
                DeleteBlob(context, part.BlobId);
            }
            var output = new JsonObject
            {
                ["Location"] = context.BaseUrl.GetLeftPart(UriPartial.Authority) + "/" + bucketName + "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString)),
                ["Bucket"] = bucketName,
                ["Key"] = key,
                ["ETag"] = value.ETag,
            };
            value.Checksum?.WriteTo(output);
            upload.Headers.WriteEncryptionTo(output);
            return output;
        }
        catch
        {
            bool restored;
            lock (_gate)
            {
                restored = _buckets.TryGetValue(bucketName, out var bucket);
                if (restored)
                {
                    bucket!.Uploads[uploadId] = upload;
                    Changed();
                }
            }
            if (!restored)
            {
                foreach (var part in upload.Parts.Values)
                {
                    DeleteBlob(context, part.BlobId);
                }
            }
            throw;
        }
    }

    private JsonObject AbortMultipartUpload(MockCallContext context, JsonObject input)
    {
        S3Upload upload;
        lock (_gate)
        {
            var bucket = Bucket(input);
            upload = FindUpload(bucket, S3Input.Required(input, "UploadId"), S3Input.Required(input, "Key"));
            bucket.Uploads.Remove(upload.UploadId);
            Changed();
        }
        foreach (var part in upload.Parts.Values)
        {
            DeleteBlob(context, part.BlobId);
        }
        return [];
    }

    /// <summary>
    /// The parts a CompleteMultipartUpload names, checked as S3 does: ascending part numbers (InvalidPartOrder), each
    /// uploaded with that ETag and checksum (InvalidPart), every part but the last at least 5 MiB (EntityTooSmall).
    /// </summary>
    private static List<S3Part> SelectParts(S3Upload upload, JsonArray requested)
    {
        var numbers = requested.Select(p => p is JsonObject o ? S3Input.Int64(o, "PartNumber") ?? 0 : 0).ToList();
        for (var i = 1; i < numbers.Count; i++)
        {
            if (numbers[i] <= numbers[i - 1])
            {
                throw S3Errors.InvalidPartOrder(upload.UploadId);
            }
        }
        var parts = new List<S3Part>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var item = (JsonObject?)requested[i] ?? [];
            var etag = S3Input.String(item, "ETag") ?? "";
            if (numbers[i] is < 1 or > S3Limits.MaxPartNumber || !upload.Parts.TryGetValue((int)numbers[i], out var part) || S3Conditions.Bare(etag) != S3Conditions.Bare(part.ETag))
            {
                throw S3Errors.InvalidPart(upload.UploadId, (int)numbers[i], etag);
            }
            if (upload.ChecksumAlgorithm is { } a && upload.ChecksumType == S3StoredChecksum.Composite)
            {
                var given = S3Input.String(item, S3Checksums.Member(a));
                if (given is null)
                {
                    throw S3Errors.InvalidRequest($"The upload was created using a {S3Checksums.Name(a).ToLowerInvariant()} checksum. The complete request must include the checksum for each part. It was missing for part {part.Number} in the request.");
                }
                if (given != part.Checksum)
                {
                    throw S3Errors.InvalidPart(upload.UploadId, part.Number, etag);
                }
            }
            parts.Add(part);
        }
        for (var i = 0; i < parts.Count - 1; i++)
        {
            if (parts[i].Size < S3Limits.MinPartSize)
            {
                throw S3Errors.EntityTooSmall(parts[i].Size, parts[i].Number, parts[i].ETag);
            }
        }
        return parts;
    }

    /// <summary>
    /// Joins the parts into the object's blob. The ETag is the MD5 of the parts' MD5s with the part count; a
    /// composite checksum is the checksum of the parts' checksums with the count, a full-object one is computed
    /// over the joined data. A whole-object checksum or size the client sent is checked.
    /// </summary>
    private static async ValueTask<S3Object> JoinPartsAsync(MockCallContext context, JsonObject input, S3Upload upload, List<S3Part> parts, (S3ChecksumAlgorithm Algorithm, string Value)? sent, CancellationToken cancellationToken)
    {
        var size = parts.Sum(p => p.Size);
        if (S3Input.Int64(input, "MpuObjectSize") is { } declared && declared != size)
        {
            throw S3Errors.InvalidRequest($"The provided 'x-amz-mp-object-size' header value \"{declared}\" does not match what was computed: \"{size}\"");
        }
        var fullObject = upload.ChecksumType == S3StoredChecksum.FullObject ? upload.ChecksumAlgorithm : null;
        using var joined = new ConcatenatedReadStream(parts.Select(p => (Func<Stream>)(() => context.Blobs.Open(p.BlobId))));
        var blob = await StoreAsync(context, joined, md5: false, fullObject, cancellationToken).ConfigureAwait(false);
        S3StoredChecksum? checksum = null;
        if (upload.ChecksumAlgorithm is { } algorithm)
        {
            checksum = fullObject is not null
                ? new S3StoredChecksum(algorithm, blob.Checksum!, S3StoredChecksum.FullObject)
                : new S3StoredChecksum(algorithm, CompositeChecksum(algorithm, parts), S3StoredChecksum.Composite);
            if (sent is { } s && s.Value != checksum.Value && s.Value + "-" + parts.Count.ToString(CultureInfo.InvariantCulture) != checksum.Value)
            {
                DeleteBlob(context, blob.Id);
                throw S3Errors.BadChecksum(algorithm);
            }
        }
        var md5s = parts.SelectMany(p => p.Md5).ToArray();
        var etag = "\"" + Convert.ToHexStringLower(MD5.HashData(md5s)) + "-" + parts.Count.ToString(CultureInfo.InvariantCulture) + "\"";
        return new S3Object(upload.Key, blob.Id, blob.Length, etag, Seconds(context.Now), upload.Headers, upload.Metadata, checksum, [.. parts.Select(p => p.Size)]);
    }

    private static string CompositeChecksum(S3ChecksumAlgorithm algorithm, List<S3Part> parts)
    {
        using var hasher = new S3ChecksumHasher(algorithm);
        foreach (var part in parts)
        {
            hasher.Append(Convert.FromBase64String(part.Checksum!));
        }
        return hasher.GetBase64() + "-" + parts.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The checksum algorithm and type of a new upload: COMPOSITE by default, FULL_OBJECT for CRC64NVME; the SHAs
    /// cannot be full-object, CRC64NVME cannot be composite, and a type needs an algorithm.
    /// </summary>
    private static (S3ChecksumAlgorithm? Algorithm, string? Type) UploadChecksum(JsonObject input)
    {
        var name = S3Input.String(input, "ChecksumAlgorithm");
        var type = S3Input.String(input, "ChecksumType")?.ToUpperInvariant();
        if (name is null)
        {
            return type is null ? (null, null) : throw S3Errors.InvalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
        }
        if (!S3Checksums.TryParse(name, out var algorithm))
        {
            throw S3Errors.InvalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
        }
        type ??= algorithm == S3ChecksumAlgorithm.Crc64Nvme ? S3StoredChecksum.FullObject : S3StoredChecksum.Composite;
        var valid = type switch
        {
            S3StoredChecksum.FullObject => S3Checksums.SupportsFullObject(algorithm),
            S3StoredChecksum.Composite => algorithm != S3ChecksumAlgorithm.Crc64Nvme,
            _ => throw S3Errors.InvalidRequest("Value for x-amz-checksum-type header is invalid."),
        };
        return valid ? (algorithm, type) : throw S3Errors.InvalidRequest($"The {type} checksum type cannot be used with the {S3Checksums.Name(algorithm).ToLowerInvariant()} checksum algorithm.");
    }

    private static int PartNumber(JsonObject input)
    {
        var n = S3Input.Int64(input, "PartNumber");
        return n is >= 1 and <= S3Limits.MaxPartNumber
            ? (int)n.Value
            : throw S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", n?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>An upload of the bucket for the key (under the lock); NoSuchUpload otherwise.</summary>
    private static S3Upload FindUpload(S3Bucket bucket, string uploadId, string key) =>
        bucket.Uploads.TryGetValue(uploadId, out var upload) && upload.Key == key ? upload : throw S3Errors.NoSuchUpload(uploadId);
}
