using System.Globalization;
using System.Runtime.CompilerServices;
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
        var algorithm = Options.ChecksumAlgorithm;
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

    /// <summary>
    /// Sends every part not already there. At most MaxConcurrency parts are in memory: Parallel.ForEachAsync
    /// pulls the next part only when a worker is free, and a stream is read in order as parts are pulled.
    /// </summary>
    private async Task<List<CompletedPart>> UploadPartsAsync(UploadSource source, MultipartUploadState state, Dictionary<int, JsonObject> existing,
        byte[]? first, int firstLength, UploadOptions options, ProgressTracker progress, CancellationToken cancellationToken)
    {
        var done = new List<CompletedPart>();
        var gate = new Lock();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Parts(source, state, first, firstLength, cancellationToken), parallel, async (part, ct) =>
        {
            var buffer = part.Buffer;
            try
            {
                if (buffer is null)
                {
                    buffer = Rent(part.Size);
                    var n = await source.ReadAsync(part.Offset, buffer.AsMemory(0, (int)part.Size), ct).ConfigureAwait(false);
                    if (n != part.Size)
                    {
                        throw new TransferException(state.Bucket, state.Key, $"the file ended at {part.Offset + n}, before the {source.Length} bytes it had.");
                    }
                }
                existing.TryGetValue(part.Number, out var there);
                var completed = await UploadPartAsync(state, part.Number, buffer, (int)part.Size, there, options, ct).ConfigureAwait(false);
                progress.Add(part.Size);
                lock (gate)
                {
                    done.Add(completed);
                }
            }
            finally
            {
                Return(buffer);
            }
        }).ConfigureAwait(false);
        done.Sort((a, b) => a.Number.CompareTo(b.Number));
        return done;
    }

    private readonly record struct PartToSend(int Number, long Offset, long Size, byte[]? Buffer);

    // The parts in order. A file's parts are read by the workers; a stream's are read here, in order.
    private async IAsyncEnumerable<PartToSend> Parts(UploadSource source, MultipartUploadState state, byte[]? first, int firstLength, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = 0L;
        for (var number = 1; ; number++)
        {
            if (number > MaxParts)
            {
                throw new TransferException(state.Bucket, state.Key, $"more than {MaxParts} parts of {state.PartSize} bytes; raise TransferOptions.PartSize.");
            }
            if (source.ReadsAnywhere)
            {
                var length = source.Length!.Value;
                var size = Math.Min(state.PartSize, length - offset);
                yield return new PartToSend(number, offset, size, null);
                offset += size;
                if (offset >= length)
                {
                    yield break;
                }
                continue;
            }
            byte[] buffer;
            int read;
            if (number == 1 && first is not null)
            {
                (buffer, read) = (first, firstLength);
            }
            else
            {
                buffer = Rent(state.PartSize);
                try
                {
                    read = await source.ReadAsync(offset, buffer.AsMemory(0, (int)state.PartSize), cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    Return(buffer);
                    throw;
                }
                if (read == 0 && number > 1)
                {
                    Return(buffer);
                    yield break;
                }
            }
            yield return new PartToSend(number, offset, read, buffer);
            offset += read;
            if (read < state.PartSize || await source.AtEndAsync(offset, cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    private async Task<CompletedPart> UploadPartAsync(MultipartUploadState state, int number, byte[] buffer, int size, JsonObject? there, UploadOptions options, CancellationToken cancellationToken)
    {
        var algorithm = state.ChecksumAlgorithm;
        var checksum = algorithm == TransferChecksumAlgorithm.None ? null : TransferHasher.Compute(algorithm, buffer.AsSpan(0, size));
        var member = algorithm == TransferChecksumAlgorithm.None ? null : TransferHasher.Member(algorithm);
        // Resuming: a part already there with the same size (and checksum) is kept.
        if (there is not null && NativeValues.TryGetInt64(there["Size"], out var thereSize) && thereSize == size
            && (checksum is null || (string?)there[member!] is not { } thereChecksum || thereChecksum == checksum)
            && (string?)there["ETag"] is { } thereETag)
        {
            return new CompletedPart(number, thereETag, checksum, size, Sent: false);
        }
        var input = new JsonObject
        {
            ["Bucket"] = state.Bucket,
            ["Key"] = state.Key,
            ["UploadId"] = state.UploadId,
            ["PartNumber"] = number,
            ["Body"] = NativeValues.Stream(new MemoryStream(buffer, 0, size, writable: false)),
        };
        if (checksum is not null)
        {
            input["ChecksumAlgorithm"] = TransferHasher.Name(algorithm);
            input[member!] = checksum;
        }
        var result = await _s3.CallAsync("UploadPart", WithExtra("UploadPart", input, options.Input), cancellationToken).ConfigureAwait(false);
        if (checksum is not null && (string?)result[member!] is { } stored && stored != checksum)
        {
            throw new TransferException(state.Bucket, state.Key, $"part {number}: S3 stored {TransferHasher.Name(algorithm)} {stored}, but {checksum} was sent.");
        }
        var etag = (string?)result["ETag"] ?? throw new TransferException(state.Bucket, state.Key, $"part {number}: UploadPart returned no ETag.");
        return new CompletedPart(number, etag, checksum, size, Sent: true);
    }

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
            list.Add(item);
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
