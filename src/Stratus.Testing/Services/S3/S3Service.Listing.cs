using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;

// Strings here are the S3 model's member names, not names of this code's properties.
#pragma warning disable CA1507

namespace Stratus.Testing.Services.S3;

public sealed partial class S3Service
{
    private static readonly Func<string, string> Unencoded = s => s;
    private static readonly Func<string, string> UrlEncoded = S3UrlEncoding.Encode;

    private JsonObject ListObjectsV2(MockCallContext context, JsonObject input)
    {
        var (prefix, delimiter, maxKeys, encode) = ListingParameters(input, "MaxKeys", "max-keys");
        var token = S3Input.String(input, "ContinuationToken");
        var startAfter = S3Input.String(input, "StartAfter");
        var after = token is not null ? DecodeToken(token, "continuation-token") : startAfter;
        var fetchOwner = S3Input.Boolean(input, "FetchOwner");
        lock (_gate)
        {
            var bucket = Bucket(input);
            var page = WalkObjects(bucket, prefix, delimiter, maxKeys, after);
            var output = ListingOutput(bucket, page, prefix, delimiter, maxKeys, encode, fetchOwner);
            output["KeyCount"] = page.Items.Count + page.CommonPrefixes.Count;
            if (token is not null)
            {
                output["ContinuationToken"] = token;
            }
            if (startAfter is not null)
            {
                output["StartAfter"] = encode(startAfter);
            }
            if (page.IsTruncated && page.Last is not null)
            {
                output["NextContinuationToken"] = EncodeToken(page.Last);
            }
            return output;
        }
    }

    private JsonObject ListObjects(MockCallContext context, JsonObject input)
    {
        var (prefix, delimiter, maxKeys, encode) = ListingParameters(input, "MaxKeys", "max-keys");
        var marker = S3Input.String(input, "Marker");
        lock (_gate)
        {
            var bucket = Bucket(input);
            var page = WalkObjects(bucket, prefix, delimiter, maxKeys, marker);
            var output = ListingOutput(bucket, page, prefix, delimiter, maxKeys, encode, fetchOwner: true);
            output["Marker"] = encode(marker ?? "");
            // S3 only says NextMarker with a delimiter; without one the last key is the next marker.
            if (page.IsTruncated && delimiter is not null && page.Last is not null)
            {
                output["NextMarker"] = encode(page.Last);
            }
            return output;
        }
    }

    /// <summary>Prefix, delimiter, page size (0 to 1000; S3 caps larger values) and key encoding of a listing.</summary>
    private static (string Prefix, string? Delimiter, int Max, Func<string, string> Encode) ListingParameters(JsonObject input, string maxMember, string maxArgument)
    {
        var max = S3Input.Int64(input, maxMember) ?? S3Limits.MaxListKeys;
        if (max is < 0 or > int.MaxValue)
        {
            throw S3Errors.InvalidArgument($"Argument {maxArgument} must be an integer between 0 and 2147483647", maxArgument, max.ToString(CultureInfo.InvariantCulture));
        }
        Func<string, string> encode = S3Input.String(input, "EncodingType") switch
        {
            null => Unencoded,
            var e when string.Equals(e, "url", StringComparison.OrdinalIgnoreCase) => UrlEncoded,
            var e => throw S3Errors.InvalidArgument("Invalid Encoding Method specified in Request", "encoding-type", e),
        };
        return (S3Input.String(input, "Prefix") ?? "", S3Input.String(input, "Delimiter"), (int)Math.Min(max, S3Limits.MaxListKeys), encode);
    }

    private static S3ListWalk<S3Object> WalkObjects(S3Bucket bucket, string prefix, string? delimiter, int max, string? after)
    {
        var start = bucket.Objects.Position(prefix, exclusive: false);
        if (after is not null)
        {
            start = Math.Max(start, bucket.Objects.Position(after, exclusive: true));
        }
        return S3ListWalk<S3Object>.Walk(bucket.Objects.Count, bucket.Objects.At, o => o.Key, start, prefix, delimiter, max, after);
    }

    /// <summary>What both listing versions answer: name, prefix, delimiter, page size, truncation, contents and common prefixes.</summary>
    private static JsonObject ListingOutput(S3Bucket bucket, S3ListWalk<S3Object> page, string prefix, string? delimiter, int maxKeys, Func<string, string> encode, bool fetchOwner)
    {
        var output = new JsonObject
        {
            ["Name"] = bucket.Name,
            ["Prefix"] = encode(prefix),
            ["MaxKeys"] = maxKeys,
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
        if (page.Items.Count > 0)
        {
            output["Contents"] = new JsonArray([.. page.Items.Select(o => (JsonNode)ListEntry(o, encode, fetchOwner ? bucket.Owner : null))]);
        }
        if (page.CommonPrefixes.Count > 0)
        {
            output["CommonPrefixes"] = CommonPrefixes(page.CommonPrefixes, encode);
        }
        return output;
    }

    private static JsonArray CommonPrefixes(IEnumerable<string> prefixes, Func<string, string> encode) =>
        new([.. prefixes.Select(p => (JsonNode)new JsonObject { ["Prefix"] = encode(p) })]);

    private static JsonObject ListEntry(S3Object value, Func<string, string> encode, string? owner)
    {
        var entry = new JsonObject
        {
            ["Key"] = encode(value.Key),
            ["LastModified"] = NativeValues.Timestamp(value.LastModified),
            ["ETag"] = value.ETag,
            ["Size"] = value.Size,
            ["StorageClass"] = value.Headers.StorageClass,
        };
        if (value.Checksum is { } checksum)
        {
            entry["ChecksumAlgorithm"] = new JsonArray(S3Checksums.Name(checksum.Algorithm));
            entry["ChecksumType"] = checksum.Type;
        }
        if (owner is not null)
        {
            entry["Owner"] = OwnerJson(owner);
        }
        return entry;
    }
}
