using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.S3;

/// <summary>S3's errors, with the codes, messages, statuses and extra fields AWS answers with.</summary>
internal static class S3Errors
{
    public static MockServiceException NoSuchBucket(string bucket) =>
        new("NoSuchBucket", "The specified bucket does not exist", 404, Fields("BucketName", bucket));

    public static MockServiceException NoSuchKey(string key) =>
        new("NoSuchKey", "The specified key does not exist.", 404, Fields("Key", key));

    public static MockServiceException NoSuchUpload(string uploadId) =>
        new("NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", 404, Fields("UploadId", uploadId));

    public static MockServiceException BucketAlreadyOwnedByYou(string bucket) =>
        new("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", 409, Fields("BucketName", bucket));

    public static MockServiceException BucketAlreadyExists(string bucket) =>
        new("BucketAlreadyExists", "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.", 409, Fields("BucketName", bucket));

    public static MockServiceException BucketNotEmpty(string bucket) =>
        new("BucketNotEmpty", "The bucket you tried to delete is not empty", 409, Fields("BucketName", bucket));

    public static MockServiceException InvalidBucketName(string bucket) =>
        new("InvalidBucketName", "The specified bucket is not valid.", 400, Fields("BucketName", bucket));

    public static MockServiceException InvalidLocationConstraint(string constraint) =>
        new("InvalidLocationConstraint", "The specified location-constraint is not valid", 400, Fields("LocationConstraint", constraint));

    public static MockServiceException IllegalLocationConstraint(string? constraint) =>
        new("IllegalLocationConstraintException", $"The {constraint ?? "unspecified"} location constraint is incompatible for the region specific endpoint this request was sent to.", 400);

    public static MockServiceException AccessDenied() => new("AccessDenied", "Access Denied", 403);

    public static MockServiceException InvalidArgument(string message, string argumentName, string? argumentValue) =>
        new("InvalidArgument", message, 400, Fields("ArgumentName", argumentName, "ArgumentValue", argumentValue ?? ""));

    public static MockServiceException InvalidRequest(string message) => new("InvalidRequest", message, 400);

    public static MockServiceException MalformedXml() =>
        new("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", 400);

    public static MockServiceException KeyTooLong(int size) =>
        new("KeyTooLongError", "Your key is too long", 400, Fields("Size", Number(size), "MaxSizeAllowed", "1024"));

    public static MockServiceException MetadataTooLarge(int size) =>
        new("MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size.", 400, Fields("Size", Number(size), "MaxSizeAllowed", "2048"));

    public static MockServiceException EntityTooLarge(long size, long max) =>
        new("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400, Fields("ProposedSize", Number(size), "MaxSizeAllowed", Number(max)));

    public static MockServiceException EntityTooSmall(long size, int partNumber, string etag) =>
        new("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size", 400,
            Fields("ProposedSize", Number(size), "MinSizeAllowed", Number(S3Limits.MinPartSize), "PartNumber", Number(partNumber), "ETag", etag));

    public static MockServiceException InvalidPart(string uploadId, int partNumber, string etag) =>
        new("InvalidPart", "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.", 400,
            Fields("UploadId", uploadId, "PartNumber", Number(partNumber), "ETag", etag));

    public static MockServiceException InvalidPartOrder(string uploadId) =>
        new("InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.", 400, Fields("UploadId", uploadId));

    public static MockServiceException InvalidPartNumber(int requested, int actual) =>
        new("InvalidPartNumber", "The requested partnumber is not satisfiable", 416, Fields("PartNumberRequested", Number(requested), "ActualPartCount", Number(actual)));

    public static MockServiceException InvalidRange(string range, long size) =>
        new("InvalidRange", "The requested range is not satisfiable", 416, Fields("RangeRequested", range, "ActualObjectSize", Number(size)));

    public static MockServiceException PreconditionFailed(string condition) =>
        new("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412, Fields("Condition", condition));

    public static MockServiceException NotModified() => new("NotModified", "Not Modified", 304);

    public static MockServiceException InvalidDigest(string contentMd5) =>
        new("InvalidDigest", "The Content-MD5 you specified was not valid.", 400, Fields("Content-MD5", contentMd5));

    public static MockServiceException BadDigest(string expected, string calculated) =>
        new("BadDigest", "The Content-MD5 you specified did not match what we received.", 400, Fields("ExpectedDigest", expected, "CalculatedDigest", calculated));

    public static MockServiceException BadChecksum(S3ChecksumAlgorithm algorithm) =>
        new("BadDigest", $"The {S3Checksums.DisplayName(algorithm)} you specified did not match the calculated checksum.", 400);

    public static MockServiceException InvalidChecksumValue(S3ChecksumAlgorithm algorithm) =>
        InvalidRequest($"Value for x-amz-checksum-{S3Checksums.Name(algorithm).ToLowerInvariant()} header is invalid.");

    public static MockServiceException NotImplemented(string header) =>
        new("NotImplemented", "A header you provided implies functionality that is not implemented", 501, Fields("Header", header));

    public static MockServiceException InvalidVersionId() =>
        InvalidArgument("Invalid version id specified", "versionId", null);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Fields(params string[] pairs)
    {
        var o = new JsonObject();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            o[pairs[i]] = pairs[i + 1];
        }
        return o;
    }
}
