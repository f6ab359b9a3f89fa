using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;

namespace Stratus.OpenStack.Swift;

/// <summary>
/// Uploads content as one object, or, past one segment, as a static large object: segments of a fixed size read in
/// turn from the stream (which need not be seekable nor of known length) and uploaded in parallel, each with its MD5
/// for Swift to check, then the manifest. Memory stays at (concurrency + 1) segments. A failure removes the segments.
/// </summary>
internal static class SwiftLargeObjectUpload
{
    // Swift's default max_manifest_segments.
    private const int MaxSegments = 1000;

    public static async Task<SwiftUploadResult> UploadAsync(ServiceClient client, string container, string key, Stream content, SwiftUploadOptions options, CancellationToken ct)
    {
        var segmentSize = checked((int)Math.Clamp(options.SegmentSize, 1, Array.MaxLength));
        long? known = options.Length ?? (content.CanSeek ? content.Length - content.Position : null);
        if (known is { } length && length <= segmentSize)
        {
            // Small and of known length: streamed as it is, nothing buffered.
            var result = await PutAsync(client, container, key, content, length, options, null, ct).ConfigureAwait(false);
            options.Progress?.Report(length);
            return result;
        }
        // Unknown length: read up to two segments (growing the buffers as data comes, so small content costs little)
        // to tell a plain object from a large one.
        var first = await ReadGrowingAsync(content, segmentSize, ct).ConfigureAwait(false);
        var second = first.Count == segmentSize ? await ReadGrowingAsync(content, segmentSize, ct).ConfigureAwait(false) : (Buffer: [], Count: 0);
        if (second.Count == 0)
        {
            using var one = new MemoryStream(first.Buffer, 0, first.Count, writable: false);
            var result = await PutAsync(client, container, key, one, first.Count, options, null, ct).ConfigureAwait(false);
            options.Progress?.Report(first.Count);
            return result;
        }
        return await UploadSegmentsAsync(client, container, key, content, options, segmentSize, first, second, ct).ConfigureAwait(false);
    }

    private static async Task<SwiftUploadResult> UploadSegmentsAsync(ServiceClient client, string container, string key, Stream content, SwiftUploadOptions options,
        int segmentSize, (byte[] Buffer, int Count) first, (byte[] Buffer, int Count) second, CancellationToken ct)
    {
        var segmentContainer = options.SegmentContainer ?? container + "_segments";
        await client.CallAsync("PutContainer", new JsonObject { ["Container"] = segmentContainer }, ct).ConfigureAwait(false);
        // python-swiftclient's layout: <key>/slo/<time>/<size>/<segment size>/<index>; here the size is not known up front.
        var prefix = string.Create(CultureInfo.InvariantCulture,
            $"{key}/slo/{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:0.000000}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}/{segmentSize}/");
        var concurrency = Math.Max(1, options.Concurrency);
        var spare = new ConcurrentBag<byte[]>();
        var segments = new ConcurrentDictionary<int, (string Path, string ETag, int Size)>();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var running = new List<Task>();
        long sent = 0;
        var progressLock = new Lock();
        Exception? error = null;

        async Task SendAsync(int index, byte[] buffer, int count)
        {
            try
            {
                var name = prefix + index.ToString("D8", CultureInfo.InvariantCulture);
                var md5 = Convert.ToHexStringLower(MD5.HashData(buffer.AsSpan(0, count)));
                using var body = new MemoryStream(buffer, 0, count, writable: false);
                var input = new JsonObject
                {
                    ["Container"] = segmentContainer,
                    ["Key"] = name,
                    ["ETag"] = md5,
                    ["Body"] = NativeValues.Stream(body),
                };
                await client.CallAsync("PutObject", input, failed.Token).ConfigureAwait(false);
                segments[index] = ("/" + segmentContainer + "/" + name, md5, count);
                lock (progressLock)
                {
                    // Under the lock, so that the totals reported only grow (segments finish in any order).
                    sent += count;
                    options.Progress?.Report(sent);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref error, e, null);
                await failed.CancelAsync().ConfigureAwait(false);
            }
            finally
            {
                if (buffer.Length == segmentSize)
                {
                    spare.Add(buffer); // a short (last, or grown) buffer is never reused for a full segment
                }
                slots.Release();
            }
        }

        var index = 0;
        var pending = first;
        var next = second;
        try
        {
            while (pending.Count > 0)
            {
                if (index >= MaxSegments)
                {
                    throw new InvalidOperationException(
                        $"swift: '{key}' needs more than {MaxSegments} segments of {segmentSize} bytes; use a larger segment size.");
                }
                await slots.WaitAsync(failed.Token).ConfigureAwait(false);
                running.Add(SendAsync(index++, pending.Buffer, pending.Count));
                if (pending.Count < segmentSize)
                {
                    break;
                }
                if (next.Buffer is not null)
                {
                    pending = next;
                    next = default;
                    continue;
                }
                var buffer = spare.TryTake(out var reused) ? reused : new byte[segmentSize];
                pending = (buffer, await ReadFullAsync(content, buffer, failed.Token).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (error is not null && !ct.IsCancellationRequested)
        {
            // A segment failed: its error is thrown below.
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref error, e, null);
            await failed.CancelAsync().ConfigureAwait(false);
        }
        await Task.WhenAll(running).ConfigureAwait(false);
        if (error is null)
        {
            try
            {
                var manifest = Manifest(segments, index);
                var result = await PutManifestAsync(client, container, key, manifest, options, ct).ConfigureAwait(false);
                return result with { Size = sent, Segments = index };
            }
            catch (Exception e)
            {
                error = e;
            }
        }
        // Best effort: leave no orphaned segments behind.
        try
        {
            await SwiftBulkDelete.DeleteAsync(client, segments.Values.Select(s => s.Path[1..]).Select(p => Split(p)), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception cleanup) when (cleanup is StratusException)
        {
        }
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        throw error; // unreachable
    }

    private static (string Container, string Key) Split(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return (path[..slash], path[(slash + 1)..]);
    }

    private static string Manifest(ConcurrentDictionary<int, (string Path, string ETag, int Size)> segments, int count)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                var (path, etag, size) = segments[i];
                json.WriteStartObject();
                json.WriteString("path", path);
                json.WriteString("etag", etag);
                json.WriteNumber("size_bytes", size);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static async Task<SwiftUploadResult> PutAsync(ServiceClient client, string container, string key, Stream body, long length, SwiftUploadOptions options, string? md5, CancellationToken ct)
    {
        var input = ObjectInput(container, key, options);
        input["ContentLength"] = length;
        input["Body"] = NativeValues.Stream(body);
        if (md5 is not null)
        {
            input["ETag"] = md5;
        }
        var output = await client.CallAsync("PutObject", input, ct).ConfigureAwait(false);
        return new SwiftUploadResult(Unquote(output["ETag"]), length, 0, Timestamp(output["LastModified"]));
    }

    private static async Task<SwiftUploadResult> PutManifestAsync(ServiceClient client, string container, string key, string manifest, SwiftUploadOptions options, CancellationToken ct)
    {
        var input = ObjectInput(container, key, options);
        input["Manifest"] = manifest;
        var output = await client.CallAsync("PutSloManifest", input, ct).ConfigureAwait(false);
        return new SwiftUploadResult(Unquote(output["ETag"]), 0, 0, Timestamp(output["LastModified"]));
    }

    private static JsonObject ObjectInput(string container, string key, SwiftUploadOptions options)
    {
        var input = new JsonObject
        {
            ["Container"] = container,
            ["Key"] = key,
            ["ContentType"] = options.ContentType ?? "application/octet-stream",
        };
        if (options.Metadata.Count > 0)
        {
            var metadata = new JsonObject();
            foreach (var (k, v) in options.Metadata)
            {
                metadata[k] = v;
            }
            input["Metadata"] = metadata;
        }
        return input;
    }

    internal static string? Unquote(JsonNode? etag) =>
        NativeValues.TryGetString(etag, out var text) ? text.Trim('"') : null;

    internal static DateTimeOffset? Timestamp(JsonNode? value) =>
        NativeValues.TryGetTimestamp(value, out var time) ? time : null;

    private static async Task<(byte[] Buffer, int Count)> ReadGrowingAsync(Stream stream, int limit, CancellationToken ct)
    {
        var buffer = new byte[Math.Min(limit, 64 * 1024)];
        var count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                if (buffer.Length == limit)
                {
                    return (buffer, count);
                }
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit));
            }
            var n = await stream.ReadAsync(buffer.AsMemory(count), ct).ConfigureAwait(false);
            if (n == 0)
            {
                return (buffer, count);
            }
            count += n;
        }
    }

    private static async Task<int> ReadFullAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }
}
