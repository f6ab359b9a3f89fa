namespace Stratus.Transfer;

public sealed partial class TransferManager
{
    /// <summary>
    /// Downloads an object to a file: HeadObject for its size and ETag, then ranged GetObjects (If-Match the
    /// ETag) in parallel, each written at its offset. The data goes to <c>&lt;path&gt;.stratus-download</c> and
    /// is renamed to <paramref name="path"/> once complete and verified; a progress file beside it lets an
    /// interrupted download resume (<see cref="DownloadOptions.Resume"/>).
    /// </summary>
    /// <exception cref="TransferException">The object changed during the download, or its checksum did not match.</exception>
    /// <exception cref="Stratus.Client.StratusException">A call failed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; what was written is kept for a resume.</exception>
    public async Task<DownloadResult> DownloadFileAsync(string bucket, string key, string path, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new DownloadOptions();
        var plan = await PlanAsync(bucket, key, options, cancellationToken).ConfigureAwait(false);
        var temp = Path.GetFullPath(path) + ".stratus-download";
        var record = DownloadProgressFile.Load(temp + ".json", plan, options.Resume);
        var progress = new ProgressTracker(options.Progress, plan.Size);
        var digests = new string?[plan.Ranges.Count];
        string? sequential = null;
        int fetched;
        using (var file = File.OpenHandle(temp, record.Done.Count > 0 ? FileMode.OpenOrCreate : FileMode.Create, FileAccess.ReadWrite, FileShare.None, FileOptions.Asynchronous))
        {
            if (RandomAccess.GetLength(file) != plan.Size)
            {
                record.Done.Clear();
                RandomAccess.SetLength(file, plan.Size);
            }
            record.Save();
            foreach (var (index, digest) in record.Done)
            {
                digests[index] = digest.Length == 0 ? null : digest;
                progress.Add(plan.Ranges[index].Length);
            }
            var todo = Enumerable.Range(0, plan.Ranges.Count).Where(i => !record.Done.ContainsKey(i)).ToList();
            fetched = todo.Count;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrency, CancellationToken = cancellationToken };
            try
            {
                await Parallel.ForEachAsync(todo, parallel, async (index, ct) =>
                {
                    var offset = plan.Ranges[index].Offset;
                    digests[index] = await FetchRangeAsync(plan, index, options, (chunk, position, token) => RandomAccess.WriteAsync(file, chunk, offset + position, token), progress, ct).ConfigureAwait(false);
                    record.Complete(index, digests[index]);
                }).ConfigureAwait(false);
            }
            catch (TransferException)
            {
                // The object changed or answered wrongly: what was written cannot be resumed.
                record.Delete();
                file.Dispose();
                File.Delete(temp);
                throw;
            }
            if (plan.Algorithm != TransferChecksumAlgorithm.None && plan.PerRange == TransferChecksumAlgorithm.None)
            {
                sequential = await HashFileAsync(file, plan.Algorithm, cancellationToken).ConfigureAwait(false);
            }
            if (plan.Mismatch(digests, sequential) is { } actual)
            {
                record.Delete();
                file.Dispose();
                File.Delete(temp);
                throw new TransferException(bucket, key, $"the {TransferHasher.Name(plan.Algorithm)} of the bytes received is {actual}, but S3 stored {plan.Expected}; the download was discarded.");
            }
        }
        File.Move(temp, path, overwrite: true);
        record.Delete();
        return new DownloadResult(plan.ETag, plan.Size, plan.Algorithm == TransferChecksumAlgorithm.None ? null : plan.Expected, fetched);
    }

    /// <summary>
    /// Downloads an object into a stream (which need not seek): ranges are fetched in parallel into pooled
    /// buffers and written in order, with at most <see cref="TransferOptions.MaxConcurrency"/> ranges fetched
    /// or waiting at once. The stream is not disposed. (An object with a composite checksum is fetched part by
    /// part, so a buffer then holds one of its parts.)
    /// </summary>
    /// <exception cref="TransferException">The object changed during the download, or its checksum did not match (the bytes were written already).</exception>
    /// <exception cref="Stratus.Client.StratusException">A call failed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<DownloadResult> DownloadAsync(string bucket, string key, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        options ??= new DownloadOptions();
        var plan = await PlanAsync(bucket, key, options, cancellationToken).ConfigureAwait(false);
        var progress = new ProgressTracker(options.Progress, plan.Size);
        var digests = new string?[plan.Ranges.Count];
        using var sequential = plan.Algorithm != TransferChecksumAlgorithm.None && plan.PerRange == TransferChecksumAlgorithm.None ? new TransferHasher(plan.Algorithm) : null;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<Task<(byte[] Buffer, string? Digest)>>();
        var next = 0;
        try
        {
            for (var index = 0; index < plan.Ranges.Count; index++)
            {
                if (pending.Count >= Options.MaxConcurrency)
                {
                    await WriteNextAsync().ConfigureAwait(false);
                }
                pending.Enqueue(FetchToBufferAsync(plan, index, options, failed));
            }
            while (pending.Count > 0)
            {
                await WriteNextAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            var first = e is OperationCanceledException ? null : e;
            foreach (var task in pending)
            {
                try
                {
                    Return((await task.ConfigureAwait(false)).Buffer);
                }
                catch (Exception other) when (first is null && other is not OperationCanceledException)
                {
                    first = other;
                }
                catch (Exception)
                {
                    // Already failing; the first real error is reported.
                }
            }
            if (first is not null && first != e && !cancellationToken.IsCancellationRequested)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }
            throw;
        }
        if (plan.Mismatch(digests, sequential?.Base64()) is { } actual)
        {
            throw new TransferException(bucket, key, $"the {TransferHasher.Name(plan.Algorithm)} of the bytes received is {actual}, but S3 stored {plan.Expected}.");
        }
        return new DownloadResult(plan.ETag, plan.Size, plan.Algorithm == TransferChecksumAlgorithm.None ? null : plan.Expected, plan.Ranges.Count);

        async Task WriteNextAsync()
        {
            var (buffer, digest) = await pending.Dequeue().ConfigureAwait(false);
            try
            {
                var length = (int)plan.Ranges[next].Length;
                await destination.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                sequential?.Append(buffer.AsSpan(0, length));
                digests[next] = digest;
                progress.Add(length);
                next++;
            }
            finally
            {
                Return(buffer);
            }
        }
    }

    private async Task<(byte[] Buffer, string? Digest)> FetchToBufferAsync(DownloadPlan plan, int index, DownloadOptions options, CancellationTokenSource failed)
    {
        var buffer = Rent(plan.Ranges[index].Length);
        try
        {
            var digest = await FetchRangeAsync(plan, index, options, (chunk, position, _) =>
            {
                chunk.CopyTo(buffer.AsMemory((int)position));
                return ValueTask.CompletedTask;
            }, null, failed.Token).ConfigureAwait(false);
            return (buffer, digest);
        }
        catch
        {
            Return(buffer);
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<string> HashFileAsync(Microsoft.Win32.SafeHandles.SafeFileHandle file, TransferChecksumAlgorithm algorithm, CancellationToken cancellationToken)
    {
        using var hasher = new TransferHasher(algorithm);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            for (long offset = 0; ;)
            {
                var n = await RandomAccess.ReadAsync(file, buffer, offset, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    return hasher.Base64();
                }
                hasher.Append(buffer.AsSpan(0, n));
                offset += n;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
