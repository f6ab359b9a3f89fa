using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.S3;

/// <summary>
/// The mock cloud's Amazon S3: buckets, objects (streamed through <see cref="MockBlobStore"/>, with ETags,
/// Content-MD5 and flexible checksums, ranges and conditional requests), listings (v1 and v2, delimiters,
/// pagination) and multipart uploads, answering with AWS's errors. Buckets are unversioned. Thread-safe: one lock
/// guards the state, and object data is read and written outside it.
/// </summary>
public sealed partial class S3Service : MockService, IPersistentMockService
{
    private const string DefaultRegion = "us-east-1";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, S3Bucket> _buckets = new(StringComparer.Ordinal);
    private long _stateVersion;
    private long _uploadSequence;

    /// <summary>Creates an empty S3.</summary>
    public S3Service()
    {
        On("CreateBucket", CreateBucket);
        On("HeadBucket", HeadBucket);
        On("DeleteBucket", DeleteBucket);
        On("ListBuckets", ListBuckets);
        On("GetBucketLocation", GetBucketLocation);
        On("PutObject", PutObjectAsync);
        On("GetObject", GetObject);
        On("HeadObject", HeadObject);
        On("DeleteObject", DeleteObject);
        On("DeleteObjects", DeleteObjects);
        On("CopyObject", CopyObjectAsync);
        On("ListObjectsV2", ListObjectsV2);
        On("ListObjects", ListObjects);
        On("CreateMultipartUpload", CreateMultipartUpload);
        On("UploadPart", UploadPartAsync);
        On("ListParts", ListParts);
        On("CompleteMultipartUpload", CompleteMultipartUploadAsync);
        On("AbortMultipartUpload", AbortMultipartUpload);
        On("ListMultipartUploads", ListMultipartUploads);
    }

    /// <inheritdoc />
    public override string Name => "s3";

    /// <inheritdoc />
    public long StateVersion => Interlocked.Read(ref _stateVersion);

    /// <summary>The canonical user id S3 shows for an account (64 hex digits, stable per account).</summary>
    internal static string CanonicalId(string accountId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("stratus-s3-owner:" + accountId)));

    private static JsonObject OwnerJson(string accountId) => new() { ["ID"] = CanonicalId(accountId) };

    /// <summary>Call under the lock after every change.</summary>
    private void Changed() => Interlocked.Increment(ref _stateVersion);

    /// <summary>The input's bucket (under the lock): NoSuchBucket when absent, AccessDenied when the expected owner differs.</summary>
    private S3Bucket Bucket(JsonObject input)
    {
        var name = S3Input.Required(input, "Bucket");
        if (!_buckets.TryGetValue(name, out var bucket))
        {
            throw S3Errors.NoSuchBucket(name);
        }
        if (S3Input.String(input, "ExpectedBucketOwner") is { } expected && expected != bucket.Owner)
        {
            throw S3Errors.AccessDenied();
        }
        return bucket;
    }
}
