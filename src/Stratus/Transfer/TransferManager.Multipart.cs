using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;

namespace Stratus.Transfer;

public sealed partial class TransferManager
{
    private async Task<UploadResult> MultipartAsync(UploadSource source, string bucket, string key, UploadOptions options, byte[]? first, int firstLength, ProgressTracker progress, CancellationToken cancellationToken)
    {
        MultipartUploadState state;
        var existing = new Dictionary<int, JsonObject>();
        try
        {
            if (options.Resume is { } resume)
            {
                if (resume.Bucket != bucket || resume.Key != key)
                {
                    throw new ArgumentException($"The resume state is for s3://{resume.Bucket}/{resume.Key}, not s3://{bucket}/{key}.", nameof(options));
                }
                state = resume;
                await foreach (var part in _s3.PaginateItemsAsync("ListParts", new JsonObject { ["Bucket"] = bucket, ["Key"] = key, ["UploadId"] = state.UploadId }, cancellationToken).ConfigureAwait(false))
                {
                    if (part is JsonObject p && NativeValues.TryGetInt64(p["PartNumber"], out var number))
                    {
                        existing[(int)number] = p;
                    }
                }
            }
            else
            {
                state = await CreateAsync(bucket, key, PartSizeFor(source.Length), options, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            Return(first);
            throw;
        }
        options.Started?.Invoke(state);
        List<CompletedPart> parts;
        JsonObject result;
        string? expected;
        try
        {
            parts = await UploadPartsAsync(source, state, existing, first, firstLength, options, progress, cancellationToken).ConfigureAwait(false);
            (result, expected) = await CompleteAsync(state, parts, options, cancellationToken).ConfigureAwait(false);
        }
        catch when (options.AbortOnFailure)
        {
            await AbortQuietlyAsync(state).ConfigureAwait(false);
            throw;
        }
        var algorithm = state.ChecksumAlgorithm;
        var stored = algorithm == TransferChecksumAlgorithm.None ? null : (string?)result[TransferHasher.Member(algorithm)];
        if (expected is not null && stored is not null && stored != expected && stored + "-" + parts.Count.ToString(CultureInfo.InvariantCulture) != expected)
        {
            // Completed, so there is nothing to abort: the object is there, with a checksum that is not the data's.
            throw new TransferException(bucket, key, $"S3 stored {TransferHasher.Name(algorithm)} {stored} for the object, but the parts give {expected}.");
        }
        return new UploadResult((string?)result["ETag"] ?? "", parts.Sum(p => p.Size), stored ?? expected, (string?)result["VersionId"], state.UploadId, parts.Count, parts.Count(p => p.Sent));
    }

    private long PartSizeFor(long? length)
    {
        var size = Options.PartSize;
        if (length is { } n && (n + size - 1) / size > MaxParts)
        {
            const long MiB = 1024 * 1024;
            size = ((n + MaxParts - 1) / MaxParts + MiB - 1) / MiB * MiB;
        }
        return size;
    }

    private async Task<MultipartUploadState> CreateAsync(string bucket, string key, long partSize, UploadOptions options, CancellationToken cancellationToken)
    {
        var algorithm = UploadChecksum;
        var input = new JsonObject { ["Bucket"] = bucket, ["Key"] = key };
        if (algorithm != TransferChecksumAlgorithm.None)
        {
            input["ChecksumAlgorithm"] = TransferHasher.Name(algorithm);
            if (FullObject(algorithm))
            {
                input["ChecksumType"] = "FULL_OBJECT";
            }
        }
        var created = await _s3.CallAsync("CreateMultipartUpload", WithExtra("CreateMultipartUpload", input, options.Input), cancellationToken).ConfigureAwait(false);
        var uploadId = (string?)created["UploadId"] ?? throw new TransferException(bucket, key, "CreateMultipartUpload returned no UploadId.");
        return new MultipartUploadState(bucket, key, uploadId, partSize, algorithm);
    }

    // A CRC upload asks for a full-object checksum (combined from the parts' CRCs) where the model knows ChecksumType.
    private bool FullObject(TransferChecksumAlgorithm algorithm) => TransferHasher.IsCrc(algorithm) && HasMember("CreateMultipartUpload", "ChecksumType");

    private async Task<(JsonObject Result, string? Expected)> CompleteAsync(MultipartUploadState state, List<CompletedPart> parts, UploadOptions options, CancellationToken cancellationToken)
    {
        var algorithm = state.ChecksumAlgorithm;
        var member = algorithm == TransferChecksumAlgorithm.None ? null : TransferHasher.Member(algorithm);
        var list = new JsonArray();
        foreach (var part in parts)
        {
            var item = new JsonObject { ["PartNumber"] = part.Number, ["ETag"] = part.ETag };
            if (member is not null)
            {
                item[member] = part.Checksum;
            }
            list.Add((JsonNode)item);
        }
        var size = parts.Sum(p => p.Size);
        var input = new JsonObject
        {
            ["Bucket"] = state.Bucket,
            ["Key"] = state.Key,
            ["UploadId"] = state.UploadId,
            ["MultipartUpload"] = new JsonObject { ["Parts"] = list },
        };
        string? expected = null;
        if (member is not null)
        {
            if (FullObject(algorithm))
            {
                expected = TransferHasher.CombineCrcs(algorithm, parts.Select(p => (TransferHasher.CrcOf(p.Checksum!), p.Size)));
                input[member] = expected;
                input["ChecksumType"] = "FULL_OBJECT";
            }
            else
            {
                expected = TransferHasher.Composite(algorithm, parts.Select(p => p.Checksum!).ToList());
            }
        }
        if (HasMember("CompleteMultipartUpload", "MpuObjectSize"))
        {
            input["MpuObjectSize"] = size;
        }
        var result = await _s3.CallAsync("CompleteMultipartUpload", WithExtra("CompleteMultipartUpload", input, options.Input), cancellationToken).ConfigureAwait(false);
        return (result, expected);
    }

    // Called after a failure or cancellation, when no part is in flight any more: its own cancellation must not stop it.
    private async Task AbortQuietlyAsync(MultipartUploadState state)
    {
        try
        {
            await _s3.CallAsync("AbortMultipartUpload", new JsonObject { ["Bucket"] = state.Bucket, ["Key"] = state.Key, ["UploadId"] = state.UploadId }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StratusException)
        {
            // The original failure matters more; a lifecycle rule should clean up what remains (documented).
        }
    }
}
