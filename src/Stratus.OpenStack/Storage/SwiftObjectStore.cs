using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.OpenStack.Swift;
using Stratus.Protocols;
using Stratus.Storage;

namespace Stratus.OpenStack.Storage;

/// <summary>
/// The portable <see cref="ObjectStore"/> over OpenStack Swift (scheme <c>swift</c>): large content goes up as static
/// large objects in parallel segments, copies are server-side (<c>X-Copy-From</c>), signed URLs are Swift temporary
/// URLs (the account's temp-URL key, or the <c>temp-url-key</c> setting).
/// </summary>
public sealed class SwiftObjectStore : ObjectStore
{
    private readonly SwiftClient _swift;
    private readonly bool _ownsClient;
    private readonly string? _tempUrlKey;
    private readonly string? _segmentContainer;
    private readonly long? _segmentSize;

    /// <summary>Creates a store over a Swift client.</summary>
    /// <param name="swift">The client.</param>
    /// <param name="tempUrlKey">The key to sign temporary URLs with; default the account's (read once).</param>
    /// <param name="segmentContainer">Where large objects' segments go; default <c>&lt;container&gt;_segments</c>.</param>
    /// <param name="segmentSize">The segment size when <see cref="PutOptions.PartSize"/> is not given; default 64 MiB.</param>
    /// <param name="ownsClient">Whether disposing the store disposes the client.</param>
    public SwiftObjectStore(SwiftClient swift, string? tempUrlKey = null, string? segmentContainer = null, long? segmentSize = null, bool ownsClient = false)
    {
        _swift = swift ?? throw new ArgumentNullException(nameof(swift));
        _tempUrlKey = tempUrlKey;
        _segmentContainer = segmentContainer;
        _segmentSize = segmentSize;
        _ownsClient = ownsClient;
    }

    /// <summary>Opens a store from portable settings (see <see cref="SwiftStoreSettings"/>): the factory registered for <c>swift://</c>.</summary>
    public static SwiftObjectStore Open(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var credentials = SwiftStoreSettings.Credentials(settings);
        string? Value(string name) => settings.Values.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
        var client = new SwiftClient(new OpenStackProvider(credentials));
        long? segmentSize = Value("segment-size") is { } size ? long.Parse(size, CultureInfo.InvariantCulture) : null;
        return new SwiftObjectStore(client, Value("temp-url-key") ?? settings.Environment("OS_TEMP_URL_KEY"), Value("segment-container"), segmentSize, ownsClient: true);
    }

    /// <summary>The Swift client underneath.</summary>
    public SwiftClient Client => _swift;

    /// <inheritdoc />
    public override string Scheme => "swift";

    /// <inheritdoc />
    public override StoreCapabilities Capabilities =>
        StoreCapabilities.SignedUrls | StoreCapabilities.SignedPutUrls | StoreCapabilities.ServerSideCopy | StoreCapabilities.ParallelUpload | StoreCapabilities.ContentType;

    private ServiceClient Service => _swift.Service;

    /// <inheritdoc />
    public override async IAsyncEnumerable<ContainerInfo> ListContainersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        while (true)
        {
            var input = new JsonObject();
            if (marker is not null)
            {
                input["Marker"] = marker;
            }
            var page = await CallAsync("GetAccount", input, null, null, false, cancellationToken).ConfigureAwait(false);
            if (page["Containers"] is not JsonArray containers || containers.Count == 0)
            {
                yield break;
            }
            foreach (var c in containers)
            {
                var name = (string)c!["Name"]!;
                yield return new ContainerInfo(name, NativeValues.TryGetTimestamp(c["LastModified"], out var t) ? t : null);
                marker = name;
            }
        }
    }

    /// <inheritdoc />
    public override async Task CreateContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        await CallAsync("PutContainer", new JsonObject { ["Container"] = container }, container, null, true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task DeleteContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        try
        {
            await CallAsync("DeleteContainer", new JsonObject { ["Container"] = container }, container, null, true, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException e) when (e.Kind == StorageErrorKind.ContainerNotFound)
        {
        }
        if (_segmentContainer is null && !container.EndsWith("_segments", StringComparison.Ordinal))
        {
            // The segments container this store made for the container's large objects goes with it once empty
            // (deleting a large object deletes its segments); one still holding segments of other objects stays.
            try
            {
                await CallAsync("DeleteContainer", new JsonObject { ["Container"] = container + "_segments" }, container + "_segments", null, true, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageException e) when (e.Kind is StorageErrorKind.ContainerNotFound or StorageErrorKind.ContainerNotEmpty)
            {
            }
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<StoreEntry> ListAsync(string container, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        options ??= new ListOptions();
        var marker = options.StartAfter;
        while (true)
        {
            var input = new JsonObject { ["Container"] = container };
            if (marker is not null)
            {
                input["Marker"] = marker;
            }
            if (options.Prefix is { Length: > 0 } prefix)
            {
                input["Prefix"] = prefix;
            }
            if (options.Delimiter is { Length: > 0 } delimiter)
            {
                input["Delimiter"] = delimiter;
            }
            if (options.PageSize is { } size)
            {
                input["Limit"] = size;
            }
            var page = await CallAsync("ListObjects", input, container, null, true, cancellationToken).ConfigureAwait(false);
            var entries = new List<StoreEntry>();
            foreach (var o in page["Objects"] as JsonArray ?? [])
            {
                entries.Add(new StoreEntry((string)o!["Name"]!, new ObjectInfo
                {
                    Container = container,
                    Key = (string)o["Name"]!,
                    Size = o["Bytes"]?.GetValue<long>() ?? 0,
                    ETag = SwiftLargeObjectUpload.Unquote(o["Hash"]),
                    ContentType = NativeValues.TryGetString(o["ContentType"], out var type) ? type : null,
                    LastModified = SwiftLargeObjectUpload.Timestamp(o["LastModified"]),
                }));
            }
            foreach (var s in page["Subdirs"] as JsonArray ?? [])
            {
                entries.Add(new StoreEntry((string)s!["Name"]!, null));
            }
            if (entries.Count == 0)
            {
                yield break;
            }
            // Swift interleaves objects and subdirs in name order; the XML reader gives them as two lists.
            entries.Sort((a, b) => SwiftNameOrder.Compare(a.Key, b.Key));
            foreach (var entry in entries)
            {
                yield return entry;
            }
            marker = entries[^1].Key;
        }
    }

    /// <inheritdoc />
    public override async Task<ObjectInfo> PutAsync(string container, string key, Stream content, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(content);
        options ??= new PutOptions();
        var upload = new SwiftUploadOptions
        {
            ContentType = options.ContentType,
            Length = options.Length,
            Concurrency = options.Concurrency,
            Progress = options.Progress,
            SegmentContainer = _segmentContainer,
            SegmentSize = options.PartSize ?? _segmentSize ?? SwiftUploadOptions.DefaultSegmentSize,
        };
        foreach (var (k, v) in options.Metadata)
        {
            upload.Metadata[k.ToLowerInvariant()] = v;
        }
        SwiftUploadResult result;
        try
        {
            result = await _swift.UploadAsync(container, key, content, upload, cancellationToken).ConfigureAwait(false);
        }
        catch (StratusException e)
        {
            throw SwiftStorageErrors.Map(e, container, key, containerCall: true);
        }
        catch (InvalidOperationException e)
        {
            throw new StorageException(StorageErrorKind.InvalidRequest, e.Message, e) { Container = container, Key = key };
        }
        return new ObjectInfo
        {
            Container = container,
            Key = key,
            Size = result.Size,
            ETag = result.ETag,
            LastModified = result.LastModified,
            ContentType = upload.ContentType ?? "application/octet-stream",
            Metadata = new Dictionary<string, string>(upload.Metadata, StringComparer.Ordinal),
        };
    }

    /// <inheritdoc />
    public override async Task<ObjectDownload> GetAsync(string container, string key, GetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var input = new JsonObject { ["Container"] = container, ["Key"] = key };
        if (options is { RangeStart: not null } or { RangeEnd: not null })
        {
            input["Range"] = string.Create(CultureInfo.InvariantCulture, $"bytes={options.RangeStart ?? 0}-{options.RangeEnd}");
        }
        var output = await CallAsync("GetObject", input, container, key, false, cancellationToken).ConfigureAwait(false);
        NativeValues.TryGetStream(output["Body"], out var body);
        return new ObjectDownload(Info(container, key, output), body);
    }

    /// <inheritdoc />
    public override async Task<ObjectInfo?> HeadAsync(string container, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            var output = await CallAsync("HeadObject", new JsonObject { ["Container"] = container, ["Key"] = key }, container, key, false, cancellationToken).ConfigureAwait(false);
            return Info(container, key, output);
        }
        catch (StorageException e) when (e.Kind is StorageErrorKind.NotFound or StorageErrorKind.ContainerNotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override async Task DeleteAsync(string container, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        // A static large object goes with its segments; Swift refuses that query on any other object, hence the HEAD.
        JsonObject head;
        try
        {
            head = await CallAsync("HeadObject", new JsonObject { ["Container"] = container, ["Key"] = key }, container, key, false, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException e) when (e.Kind is StorageErrorKind.NotFound or StorageErrorKind.ContainerNotFound)
        {
            return;
        }
        var input = new JsonObject { ["Container"] = container, ["Key"] = key };
        if (NativeValues.TryGetBoolean(head["StaticLargeObject"], out var slo) && slo)
        {
            input["MultipartManifest"] = "delete";
        }
        try
        {
            await CallAsync("DeleteObject", input, container, key, false, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException e) when (e.Kind is StorageErrorKind.NotFound)
        {
        }
    }

    /// <inheritdoc />
    public override async Task<ObjectInfo> CopyAsync(string sourceContainer, string sourceKey, string container, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceContainer);
        ArgumentException.ThrowIfNullOrEmpty(sourceKey);
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var input = new JsonObject { ["Container"] = container, ["Key"] = key, ["CopyFrom"] = SwiftPaths.Object(sourceContainer, sourceKey) };
        await CallAsync("CopyObject", input, container, key, false, cancellationToken).ConfigureAwait(false);
        return await HeadAsync(container, key, cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException(StorageErrorKind.NotFound, $"swift://{container}/{key}: the copy is not there.") { Container = container, Key = key };
    }

    /// <inheritdoc />
    public override async Task SetMetadataAsync(string container, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(metadata);
        var map = new JsonObject();
        foreach (var (k, v) in metadata)
        {
            map[k.ToLowerInvariant()] = v;
        }
        // POST replaces all user metadata and keeps the content type.
        await CallAsync("PostObject", new JsonObject { ["Container"] = container, ["Key"] = key, ["Metadata"] = map }, container, key, false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override Uri GetSignedUrl(string container, string key, SignedUrlOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Method != HttpMethod.Get && options.Method != HttpMethod.Put && options.Method != HttpMethod.Head)
        {
            throw new NotSupportedException($"swift: signed URLs for {options.Method} are not offered by this store.");
        }
        try
        {
            return _swift.GetTempUrl(container, key, options.Method, options.ExpiresIn, _tempUrlKey);
        }
        catch (StratusException e)
        {
            throw SwiftStorageErrors.Map(e, container, key);
        }
        catch (InvalidOperationException e)
        {
            throw new StorageException(StorageErrorKind.InvalidRequest, e.Message, e) { Container = container, Key = key };
        }
    }

    private static ObjectInfo Info(string container, string key, JsonObject output)
    {
        var size = output["ContentLength"]?.GetValue<long>() ?? 0;
        if (NativeValues.TryGetString(output["ContentRange"], out var range) && range.LastIndexOf('/') is var slash and > 0
            && long.TryParse(range.AsSpan(slash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total))
        {
            size = total;
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (output["Metadata"] is JsonObject map)
        {
            foreach (var (k, v) in map)
            {
                if (NativeValues.TryGetString(v, out var text))
                {
                    metadata[k.ToLowerInvariant()] = text;
                }
            }
        }
        return new ObjectInfo
        {
            Container = container,
            Key = key,
            Size = size,
            ETag = SwiftLargeObjectUpload.Unquote(output["ETag"]),
            LastModified = SwiftLargeObjectUpload.Timestamp(output["LastModified"]),
            ContentType = NativeValues.TryGetString(output["ContentType"], out var type) ? type : null,
            Metadata = metadata,
        };
    }

    private async Task<JsonObject> CallAsync(string operation, JsonObject input, string? container, string? key, bool containerCall, CancellationToken cancellationToken)
    {
        try
        {
            return await Service.CallAsync(operation, input, cancellationToken).ConfigureAwait(false);
        }
        catch (StratusException e)
        {
            throw SwiftStorageErrors.Map(e, container, key, containerCall);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsClient)
        {
            _swift.Dispose();
        }
        base.Dispose(disposing);
    }
}
