using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Transfer;

public sealed partial class TransferManager
{
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
}
