using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Transfer;

/// <summary>What is needed to resume a multipart upload: where it goes, its upload id, how it is split and checked.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The key.</param>
/// <param name="UploadId">The multipart upload's id.</param>
/// <param name="PartSize">The part size the upload uses.</param>
/// <param name="ChecksumAlgorithm">The checksum the upload was created with.</param>
public sealed record MultipartUploadState(string Bucket, string Key, string UploadId, long PartSize, TransferChecksumAlgorithm ChecksumAlgorithm)
{
    /// <summary>The state as a JSON token, to save and <see cref="Parse"/> later.</summary>
    public string ToToken() => new JsonObject
    {
        ["bucket"] = Bucket,
        ["key"] = Key,
        ["uploadId"] = UploadId,
        ["partSize"] = PartSize,
        ["checksum"] = ChecksumAlgorithm.ToString(),
    }.ToJsonString();

    /// <summary>Reads a token made by <see cref="ToToken"/>.</summary>
    /// <exception cref="FormatException">The token is not one.</exception>
    public static MultipartUploadState Parse(string token)
    {
        try
        {
            var o = JsonNode.Parse(token)!.AsObject();
            return new MultipartUploadState(
                (string)o["bucket"]!, (string)o["key"]!, (string)o["uploadId"]!,
                long.Parse(o["partSize"]!.ToJsonString(), CultureInfo.InvariantCulture),
                Enum.Parse<TransferChecksumAlgorithm>((string)o["checksum"]!));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or ArgumentException or OverflowException)
        {
            throw new FormatException("Not a multipart upload state token.", e);
        }
    }
}
