using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.S3;

public sealed partial class S3Service
{
    private JsonObject ListParts(MockCallContext context, JsonObject input)
    {
        var max = PageSize(input, "MaxParts", "max-parts");
        var marker = S3Input.Int64(input, "PartNumberMarker") ?? 0;
        lock (_gate)
        {
            var upload = FindUpload(Bucket(input), S3Input.Required(input, "UploadId"), S3Input.Required(input, "Key"));
            var after = upload.Parts.Values.Where(p => p.Number > marker).ToList();
            var page = after.Take(max).ToList();
            var output = new JsonObject
            {
                ["Bucket"] = S3Input.Required(input, "Bucket"),
                ["Key"] = upload.Key,
                ["UploadId"] = upload.UploadId,
                ["PartNumberMarker"] = marker,
                ["MaxParts"] = max,
                ["IsTruncated"] = page.Count < after.Count,
                ["Initiator"] = OwnerJson(upload.Owner),
                ["Owner"] = OwnerJson(upload.Owner),
                ["StorageClass"] = upload.Headers.StorageClass,
                ["Parts"] = new JsonArray([.. page.Select(p => (JsonNode)PartEntry(p, upload.ChecksumAlgorithm))]),
            };
            if (page.Count > 0)
            {
                output["NextPartNumberMarker"] = page[^1].Number;
            }
            if (upload.ChecksumAlgorithm is { } a)
            {
                output["ChecksumAlgorithm"] = S3Checksums.Name(a);
                output["ChecksumType"] = upload.ChecksumType;
            }
            return output;
        }
    }

    private JsonObject ListMultipartUploads(MockCallContext context, JsonObject input)
    {
        var (prefix, delimiter, max, encode) = ListingParameters(input, "MaxUploads", "max-uploads");
        var keyMarker = S3Input.String(input, "KeyMarker");
        var uploadIdMarker = keyMarker is null ? null : S3Input.String(input, "UploadIdMarker");
        lock (_gate)
        {
            var bucket = Bucket(input);
            // Uploads of one key list in the order they began, which is their ids' order.
            var uploads = bucket.Uploads.Values
                .OrderBy(u => u.Key, S3KeyComparer.Instance)
                .ThenBy(u => u.UploadId, StringComparer.Ordinal)
                .ToList();
            var start = keyMarker is null ? 0 : uploads.FindIndex(u =>
            {
                var c = S3KeyComparer.Instance.Compare(u.Key, keyMarker);
                return c > 0 || (c == 0 && uploadIdMarker is not null && string.CompareOrdinal(u.UploadId, uploadIdMarker) > 0);
            });
            var page = S3ListWalk<S3Upload>.Walk(uploads.Count, i => uploads[i], u => u.Key, start < 0 ? uploads.Count : start, prefix, delimiter, max, keyMarker);
            var output = new JsonObject
            {
                ["Bucket"] = bucket.Name,
                ["KeyMarker"] = encode(keyMarker ?? ""),
                ["UploadIdMarker"] = uploadIdMarker ?? "",
                ["Prefix"] = encode(prefix),
                ["MaxUploads"] = max,
                ["IsTruncated"] = page.IsTruncated,
            };
            if (delimiter is not null)
            {
                output["Delimiter"] = encode(delimiter);
            }
            if (encode != Unencoded)
            {
                output["EncodingType"] = "url";
            }
            if (page.IsTruncated && page.Last is not null)
            {
                output["NextKeyMarker"] = encode(page.Last);
                if (!page.LastIsPrefix)
                {
                    output["NextUploadIdMarker"] = page.Items[^1].UploadId;
                }
            }
            if (page.Items.Count > 0)
            {
                output["Uploads"] = new JsonArray([.. page.Items.Select(u => (JsonNode)UploadEntry(u, encode))]);
            }
            if (page.CommonPrefixes.Count > 0)
            {
                output["CommonPrefixes"] = CommonPrefixes(page.CommonPrefixes, encode);
            }
            return output;
        }
    }

    private static JsonObject PartEntry(S3Part part, S3ChecksumAlgorithm? algorithm)
    {
        var entry = new JsonObject
        {
            ["PartNumber"] = part.Number,
            ["LastModified"] = NativeValues.Timestamp(part.LastModified),
            ["ETag"] = part.ETag,
            ["Size"] = part.Size,
        };
        if (algorithm is { } a && part.Checksum is not null)
        {
            entry[S3Checksums.Member(a)] = part.Checksum;
        }
        return entry;
    }

    private static JsonObject UploadEntry(S3Upload upload, Func<string, string> encode)
    {
        var entry = new JsonObject
        {
            ["UploadId"] = upload.UploadId,
            ["Key"] = encode(upload.Key),
            ["Initiated"] = NativeValues.Timestamp(upload.Initiated),
            ["StorageClass"] = upload.Headers.StorageClass,
            ["Owner"] = OwnerJson(upload.Owner),
            ["Initiator"] = OwnerJson(upload.Owner),
        };
        if (upload.ChecksumAlgorithm is { } a)
        {
            entry["ChecksumAlgorithm"] = S3Checksums.Name(a);
            entry["ChecksumType"] = upload.ChecksumType;
        }
        return entry;
    }

    /// <summary>A page size from 0 to 1000 (S3 caps larger values); InvalidArgument when negative.</summary>
    private static int PageSize(JsonObject input, string member, string argument)
    {
        var max = S3Input.Int64(input, member) ?? S3Limits.MaxListKeys;
        return max < 0
            ? throw S3Errors.InvalidArgument($"Argument {argument} must be an integer between 0 and 2147483647", argument, max.ToString(CultureInfo.InvariantCulture))
            : (int)Math.Min(max, S3Limits.MaxListKeys);
    }
}
