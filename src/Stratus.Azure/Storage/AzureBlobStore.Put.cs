using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;
using Stratus.Storage;

namespace Stratus.Azure.Storage;

public sealed partial class AzureBlobStore
{
    // Azure's limits for a block blob: 50,000 blocks of at most 4,000 MiB (arrays here stop at 1 GiB).
    private const int MaxBlocks = 50_000;
    private const long MaxBlockSize = 1L << 30;

    /// <inheritdoc />
    /// <remarks>
    /// Content that fits in one block (<see cref="PutOptions.PartSize"/>, default 8 MiB) goes up in one Put Blob.
    /// Larger or unknown-length content is read into pooled block buffers and staged with Put Block, at most
    /// <see cref="PutOptions.Concurrency"/> blocks at once (so memory stays under that many blocks), then committed
    /// with Put Block List. Block ids are base64 of a fixed-width number, as Azure wants them all of one length.
    /// </remarks>
    public override async Task<ObjectInfo> PutAsync(string container, string key, Stream content, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new PutOptions();
        var known = options.Length ?? (content.CanSeek ? content.Length - content.Position : null);
        var blockSize = BlockSize(options.PartSize, known);
        try
        {
            if (content.CanSeek && known is { } length && length <= blockSize)
            {
                // Seekable: sent as it is, and the client can rewind it to retry.
                var result = await PutBlobAsync(container, key, content, options, cancellationToken).ConfigureAwait(false);
                options.Progress?.Report(length);
                return Written(container, key, length, options, result);
            }
            // Otherwise read the first block: if the content ends within it, one Put Blob from memory will do.
            var first = ArrayPool<byte>.Shared.Rent((int)blockSize);
            int count;
            try
            {
                count = await ReadBlockAsync(content, first, (int)blockSize, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(first);
                throw;
            }
            if (count < blockSize)
            {
                try
                {
                    using var memory = new MemoryStream(first, 0, count, writable: false);
                    var result = await PutBlobAsync(container, key, memory, options, cancellationToken).ConfigureAwait(false);
                    options.Progress?.Report(count);
                    return Written(container, key, count, options, result);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(first);
                }
            }
            return await PutBlocksAsync(container, key, content, first, (int)blockSize, options, cancellationToken).ConfigureAwait(false);
        }
        catch (StratusException e) when (e is not StorageException)
        {
            throw Map(e, container, key);
        }
    }

    private static long BlockSize(long? requested, long? length)
    {
        var size = requested is > 0 ? requested.Value : DefaultBlockSize;
        if (length is { } total)
        {
            // Enough per block to stay within the block count.
            size = Math.Max(size, (total + MaxBlocks - 1) / MaxBlocks);
        }
        return Math.Min(size, MaxBlockSize);
    }

    private Task<JsonObject> PutBlobAsync(string container, string key, Stream body, PutOptions options, CancellationToken cancellationToken) =>
        Client.CallAsync("PutBlob", new JsonObject
        {
            ["Container"] = container,
            ["Blob"] = key,
            ["BlobType"] = "BlockBlob",
            ["Body"] = NativeValues.Stream(body),
            ["ContentType"] = options.ContentType ?? "application/octet-stream",
            ["Metadata"] = MetadataInput(options.Metadata),
        }, cancellationToken);

    private async Task<ObjectInfo> PutBlocksAsync(string container, string key, Stream content, byte[] first, int blockSize, PutOptions options, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var tasks = new List<Task>();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        long total = 0;
        long sent = 0;
        byte[]? pending = first;
        try
        {
            while (true)
            {
                // A slot is taken before a buffer is rented: at most Concurrency blocks are in memory at once.
                await slots.WaitAsync(failed.Token).ConfigureAwait(false);
                var buffer = pending ?? ArrayPool<byte>.Shared.Rent(blockSize);
                int count;
                try
                {
                    count = pending is not null ? blockSize : await ReadBlockAsync(content, buffer, blockSize, failed.Token).ConfigureAwait(false);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    slots.Release();
                    throw;
                }
                pending = null;
                if (count == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    slots.Release();
                    break;
                }
                if (ids.Count == MaxBlocks)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    slots.Release();
                    throw new StorageException(StorageErrorKind.InvalidRequest,
                        $"az://{container}/{key}: more than {MaxBlocks} blocks of {blockSize} bytes; set PutOptions.PartSize or Length.") { Container = container, Key = key };
                }
                var id = BlockId(ids.Count);
                ids.Add(id);
                total += count;
                tasks.Add(StageAsync(container, key, id, buffer, count, slots, failed, options.Progress, () => Interlocked.Add(ref sent, count)));
                if (count < blockSize)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && tasks.Count > 0)
        {
            // A block failed and cancelled the rest: its own error is thrown below.
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            await Settle(tasks).ConfigureAwait(false);
            throw;
        }
        if (await Settle(tasks).ConfigureAwait(false) is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
        // Never commit a list the reader did not finish.
        failed.Token.ThrowIfCancellationRequested();
        var result = await Client.CallAsync("PutBlockList", new JsonObject
        {
            ["Container"] = container,
            ["Blob"] = key,
            ["BlockList"] = new JsonObject { ["Latest"] = new JsonArray([.. ids.Select(i => JsonValue.Create(i))]) },
            ["ContentType"] = options.ContentType ?? "application/octet-stream",
            ["Metadata"] = MetadataInput(options.Metadata),
        }, cancellationToken).ConfigureAwait(false);
        return Written(container, key, total, options, result);
    }

    private async Task StageAsync(string container, string key, string id, byte[] buffer, int count, SemaphoreSlim slots,
        CancellationTokenSource failed, IProgress<long>? progress, Func<long> addSent)
    {
        try
        {
            // Yield first so the reader goes on filling the next block while this one is sent.
            await Task.Yield();
            using var body = new MemoryStream(buffer, 0, count, writable: false);
            await Client.CallAsync("PutBlock", new JsonObject
            {
                ["Container"] = container,
                ["Blob"] = key,
                ["BlockId"] = id,
                ["Body"] = NativeValues.Stream(body),
            }, failed.Token).ConfigureAwait(false);
            progress?.Report(addSent());
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            slots.Release();
        }
    }

    // Waits for every block; returns the first real failure (not a cancellation caused by it), or null.
    private static async Task<Exception?> Settle(List<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
            return null;
        }
        catch (Exception)
        {
            var errors = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).ToList();
            return errors.FirstOrDefault(e => e is not OperationCanceledException) ?? errors.FirstOrDefault() ?? new OperationCanceledException();
        }
    }

    // Reads until the buffer holds a whole block or the content ends.
    private static async Task<int> ReadBlockAsync(Stream content, byte[] buffer, int size, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < size)
        {
            var n = await content.ReadAsync(buffer.AsMemory(filled, size - filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            filled += n;
        }
        return filled;
    }

    /// <summary>A block id: base64 of a 6-digit number, so every id of a blob has the same length.</summary>
    internal static string BlockId(int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString("D6", CultureInfo.InvariantCulture)));

    private static ObjectInfo Written(string container, string key, long size, PutOptions options, JsonObject result) => new()
    {
        Container = container,
        Key = key,
        Size = size,
        ETag = ETag(result["ETag"]),
        LastModified = Timestamp(result["LastModified"]),
        ContentType = options.ContentType ?? "application/octet-stream",
        Metadata = Metadata(MetadataInput(options.Metadata)),
    };
}
