using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.S3;

public sealed partial class S3Service
{
    /// <summary>The streaming body of a write (PutObject, UploadPart): a stream, bytes, or nothing.</summary>
    private static Stream Body(JsonObject input)
    {
        var node = input["Body"];
        if (NativeValues.TryGetStream(node, out var stream))
        {
            return stream;
        }
        return NativeValues.TryGetBytes(node, out var bytes) ? new MemoryStream(bytes, writable: false) : Stream.Null;
    }

    /// <summary>The Content-MD5 a write carries, decoded; InvalidDigest when it is not the base64 of 16 bytes.</summary>
    private static (string Text, byte[] Digest)? ContentMd5(JsonObject input)
    {
        if (S3Input.String(input, "ContentMD5") is not { } text)
        {
            return null;
        }
        var digest = new byte[16];
        return Convert.TryFromBase64String(text, digest, out var n) && n == 16 ? (text, digest) : throw S3Errors.InvalidDigest(text);
    }

    /// <summary>An ETag from an MD5 digest: quoted lowercase hex.</summary>
    private static string ETag(ReadOnlySpan<byte> md5) => "\"" + Convert.ToHexStringLower(md5) + "\"";

    /// <summary>Streams data into a new blob, hashing it on the way.</summary>
    private static async ValueTask<StoredBlob> StoreAsync(MockCallContext context, Stream data, bool md5, S3ChecksumAlgorithm? checksum, CancellationToken cancellationToken)
    {
        using var hashing = new HashingReadStream(data, md5, checksum);
        var (id, length) = await context.Blobs.PutAsync(hashing, cancellationToken).ConfigureAwait(false);
        return new StoredBlob(id, length, md5 ? hashing.Md5() : [], hashing.Checksum());
    }

    /// <summary>
    /// Checks a stored write against what the client said (size limit, Content-MD5, flexible checksum); on a
    /// mismatch the blob is deleted and S3's error thrown. The expected checksum is read after the body, so a value
    /// the protocol only learns from a trailer is checked too.
    /// </summary>
    private static void Verify(MockCallContext context, JsonObject input, StoredBlob blob, (string Text, byte[] Digest)? md5, S3ChecksumAlgorithm? algorithm)
    {
        try
        {
            if (blob.Length > S3Limits.MaxPutSize)
            {
                throw S3Errors.EntityTooLarge(blob.Length, S3Limits.MaxPutSize);
            }
            if (md5 is { } m && !m.Digest.AsSpan().SequenceEqual(blob.Md5))
            {
                throw S3Errors.BadDigest(m.Text, Convert.ToBase64String(blob.Md5));
            }
            if (algorithm is { } a && S3Input.String(input, S3Checksums.Member(a)) is { } expected && expected != blob.Checksum)
            {
                throw S3Errors.BadChecksum(a);
            }
        }
        catch
        {
            DeleteBlob(context, blob.Id);
            throw;
        }
    }

    /// <summary>
    /// Makes a stored object current (checking the bucket still exists and the write's conditions still hold) and
    /// deletes the blob of the object it replaced. On failure the new blob is deleted.
    /// </summary>
    private void Commit(MockCallContext context, JsonObject input, string bucketName, S3Object value)
    {
        S3Object? replaced;
        lock (_gate)
        {
            try
            {
                if (!_buckets.TryGetValue(bucketName, out var bucket))
                {
                    throw S3Errors.NoSuchBucket(bucketName);
                }
                S3Conditions.CheckWrite(input, bucket.Objects.TryGet(value.Key, out var existing) ? existing : null, value.Key);
                replaced = bucket.Objects.Set(value);
                Changed();
            }
            catch
            {
                DeleteBlob(context, value.BlobId);
                throw;
            }
        }
        if (replaced is not null)
        {
            DeleteBlob(context, replaced.BlobId);
        }
    }

    /// <summary>Deletes a blob no longer referenced. A reader may still hold it open (an open file cannot be deleted on Windows): that leaves a file behind, which is harmless.</summary>
    private static void DeleteBlob(MockCallContext context, string id)
    {
        try
        {
            context.Blobs.Delete(id);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A blob just written: its id, length, MD5 (when computed) and checksum (base64, when computed).</summary>
    private readonly record struct StoredBlob(string Id, long Length, byte[] Md5, string? Checksum);
}
