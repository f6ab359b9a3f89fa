using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;
using Stratus.Transfer;

namespace Stratus.Storage.S3;

/// <summary>
/// The portable <see cref="ObjectStore"/> over S3 and S3-compatible servers (scheme <c>s3</c>): the generic
/// <see cref="ServiceClient"/> for the calls, the <see cref="TransferManager"/> for uploads (multipart, in parallel,
/// from streams of unknown length too) and the <see cref="Presigner"/> for signed URLs. For other clouds' S3 APIs
/// give it a client made from <see cref="S3Compatible.Preset"/>.
/// </summary>
public sealed partial class S3ObjectStore : ObjectStore
{
    private readonly bool _ownsClient;
    private readonly Presigner _presigner;

    /// <summary>Creates a store over an S3 client (not disposed with the store unless <paramref name="ownsClient"/>).</summary>
    /// <param name="s3">The S3 client.</param>
    /// <param name="transfer">How uploads are split (part size, concurrency, checksum). Default: 8 MiB parts, CRC-32C.</param>
    /// <param name="ownsClient">Whether disposing the store disposes the client.</param>
    /// <exception cref="ArgumentException">The client is not for S3.</exception>
    public S3ObjectStore(ServiceClient s3, TransferOptions? transfer = null, bool ownsClient = false)
    {
        ArgumentNullException.ThrowIfNull(s3);
        _presigner = new Presigner(s3);
        Client = s3;
        Transfer = transfer ?? new TransferOptions();
        _ownsClient = ownsClient;
    }

    /// <summary>Creates a store with its own S3 client made from <paramref name="options"/>.</summary>
    /// <exception cref="ClientException">The options are not usable (for example no region is known).</exception>
    public S3ObjectStore(ClientOptions options, TransferOptions? transfer = null)
        : this(new ServiceClient("s3", options ?? throw new ArgumentNullException(nameof(options))), transfer, ownsClient: true)
    {
    }

    /// <summary>The S3 client.</summary>
    public ServiceClient Client { get; }

    /// <summary>How uploads are split when <see cref="PutOptions"/> does not say.</summary>
    public TransferOptions Transfer { get; }

    /// <inheritdoc />
    public override string Scheme => "s3";

    /// <inheritdoc />
    public override StoreCapabilities Capabilities =>
        StoreCapabilities.SignedUrls | StoreCapabilities.SignedPutUrls | StoreCapabilities.ServerSideCopy
        | StoreCapabilities.ParallelUpload | StoreCapabilities.ContentType;

    /// <inheritdoc />
    public override async IAsyncEnumerable<ContainerInfo> ListContainersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var input = new JsonObject();
            if (token is not null)
            {
                input["ContinuationToken"] = token;
            }
            var page = await CallAsync("ListBuckets", input, null, null, cancellationToken).ConfigureAwait(false);
            foreach (var bucket in page["Buckets"]?.AsArray() ?? [])
            {
                if (bucket is JsonObject b && (string?)b["Name"] is { } name)
                {
                    yield return new ContainerInfo(name, NativeValues.TryGetTimestamp(b["CreationDate"], out var created) ? created : null);
                }
            }
            token = (string?)page["ContinuationToken"];
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <inheritdoc />
    public override async Task CreateContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        var input = new JsonObject { ["Bucket"] = container };
        // Outside us-east-1 AWS wants the region as the location constraint. S3-compatible servers (an endpoint
        // of one's own) take the region from the endpoint, and their region names (nyc3, us-west-004, auto) are not AWS's.
        if (!Client.HasEndpointOverride && Client.Region is { Length: > 0 } region && region != "us-east-1")
        {
            input["CreateBucketConfiguration"] = new JsonObject { ["LocationConstraint"] = region };
        }
        StratusException? failure = null;
        try
        {
            await Client.CallAsync("CreateBucket", input, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
        {
            // Ours already: not an error.
        }
        catch (StratusException e)
        {
            failure = e;
        }
        // Some servers (s3rver, older RGW) say BucketAlreadyExists for the caller's own bucket too.
        if (failure is not null && !(S3StorageErrors.Is(failure, "BucketAlreadyExists") && await OwnsAsync(container, cancellationToken).ConfigureAwait(false)))
        {
            throw S3StorageErrors.Map(failure, container, null);
        }
    }

    private async Task<bool> OwnsAsync(string container, CancellationToken cancellationToken)
    {
        try
        {
            await Client.CallAsync("HeadBucket", new JsonObject { ["Bucket"] = container }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ServiceException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override async Task DeleteContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        try
        {
            await Client.CallAsync("DeleteBucket", new JsonObject { ["Bucket"] = container }, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.ErrorCode == "NoSuchBucket")
        {
            // Missing already: not an error.
        }
        catch (StratusException e)
        {
            throw S3StorageErrors.Map(e, container, null);
        }
    }

    /// <inheritdoc />
    public override Task<ObjectInfo> PutAsync(string container, string key, Stream content, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return PutCoreAsync(container, key, content, null, options ?? new PutOptions(), cancellationToken);
    }

    /// <summary>Stores a file as an object; a large one goes up in parts read from the file at their offsets, in parallel.</summary>
    public override Task<ObjectInfo> PutFileAsync(string container, string key, string path, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return PutCoreAsync(container, key, null, path, options ?? new PutOptions(), cancellationToken);
    }

    private async Task<ObjectInfo> PutCoreAsync(string container, string key, Stream? content, string? path, PutOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var contentType = options.ContentType ?? "application/octet-stream";
        var metadata = Lowercased(options.Metadata);
        var input = new JsonObject { ["ContentType"] = contentType };
        if (metadata.Count > 0)
        {
            input["Metadata"] = MetadataNode(metadata);
        }
        var manager = new TransferManager(Client, TransferFor(options));
        var upload = new UploadOptions { Input = input, Progress = options.Progress is { } report ? new Progress(report) : null };
        try
        {
            var result = await (path is null
                ? manager.UploadAsync(content!, container, key, upload, cancellationToken)
                : manager.UploadFileAsync(path, container, key, upload, cancellationToken)).ConfigureAwait(false);
            return new ObjectInfo
            {
                Container = container,
                Key = key,
                Size = result.Size,
                ETag = Unquote(result.ETag),
                LastModified = DateTimeOffset.UtcNow,
                ContentType = contentType,
                Metadata = metadata,
            };
        }
        catch (StratusException e)
        {
            throw S3StorageErrors.Map(e, container, key);
        }
    }

    // The store's transfer options with the call's part size (at least S3's 5 MiB) and concurrency.
    private TransferOptions TransferFor(PutOptions options)
    {
        var part = Math.Clamp(options.PartSize ?? Transfer.PartSize, TransferOptions.MinPartSize, 1L << 30);
        return Transfer with
        {
            PartSize = part,
            MultipartThreshold = options.PartSize is null ? Transfer.MultipartThreshold : part,
            MaxConcurrency = Math.Max(1, options.Concurrency),
        };
    }

    /// <inheritdoc />
    public override async Task<ObjectDownload> GetAsync(string container, string key, GetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var input = new JsonObject { ["Bucket"] = container, ["Key"] = key };
        if (options is { RangeStart: not null } or { RangeEnd: not null })
        {
            var start = options.RangeStart ?? 0;
            input["Range"] = options.RangeEnd is { } end
                ? string.Create(CultureInfo.InvariantCulture, $"bytes={start}-{end}")
                : string.Create(CultureInfo.InvariantCulture, $"bytes={start}-");
        }
        var result = await CallAsync("GetObject", input, container, key, cancellationToken).ConfigureAwait(false);
        if (!NativeValues.TryGetStream(result["Body"], out var body))
        {
            body = new MemoryStream(NativeValues.TryGetBytes(result["Body"], out var bytes) ? bytes : [], writable: false);
        }
        var info = Info(container, key, result);
        // For a range, the whole object's size is after the slash of Content-Range ("bytes 0-4/11").
        if ((string?)result["ContentRange"] is { } range && range.LastIndexOf('/') is var slash and > 0
            && long.TryParse(range.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            info = info with { Size = total };
        }
        return new ObjectDownload(info, body);
    }

    /// <inheritdoc />
    public override async Task<ObjectInfo?> HeadAsync(string container, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            var result = await Client.CallAsync("HeadObject", new JsonObject { ["Bucket"] = container, ["Key"] = key }, cancellationToken).ConfigureAwait(false);
            return Info(container, key, result);
        }
        catch (StratusException e) when (S3StorageErrors.IsNotFound(e))
        {
            // HEAD has no body: a missing key and a missing bucket are both a bare 404.
            return null;
        }
        catch (StratusException e)
        {
            throw S3StorageErrors.Map(e, container, key);
        }
    }

    /// <inheritdoc />
    public override async Task DeleteAsync(string container, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            await Client.CallAsync("DeleteObject", new JsonObject { ["Bucket"] = container, ["Key"] = key }, cancellationToken).ConfigureAwait(false);
        }
        catch (StratusException e) when (S3StorageErrors.Is(e, "NoSuchKey"))
        {
            // S3 itself answers 204 for a missing key; some compatible servers say NoSuchKey.
        }
        catch (StratusException e)
        {
            throw S3StorageErrors.Map(e, container, key);
        }
    }

    /// <inheritdoc />
    public override async Task<ObjectInfo> CopyAsync(string sourceContainer, string sourceKey, string container, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceContainer);
        ArgumentException.ThrowIfNullOrEmpty(sourceKey);
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var input = new JsonObject
        {
            ["Bucket"] = container,
            ["Key"] = key,
            ["CopySource"] = CopySource(sourceContainer, sourceKey),
            ["MetadataDirective"] = "COPY",
        };
        try
        {
            await Client.CallAsync("CopyObject", input, cancellationToken).ConfigureAwait(false);
        }
        catch (StratusException e) when (S3StorageErrors.IsNotFound(e) && !S3StorageErrors.Is(e, "NoSuchBucket"))
        {
            throw S3StorageErrors.Map(e, sourceContainer, sourceKey);
        }
        catch (StratusException e)
        {
            throw S3StorageErrors.Map(e, container, key);
        }
        return await HeadAsync(container, key, cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException(StorageErrorKind.NotFound, $"s3://{container}/{key}: the copy is not there.") { Container = container, Key = key };
    }

    /// <inheritdoc />
    public override async Task SetMetadataAsync(string container, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        // S3 changes metadata only by copying the object onto itself with REPLACE, which resets the content
        // type too: read it first and send it again.
        var current = await HeadAsync(container, key, cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException(StorageErrorKind.NotFound, $"s3://{container}/{key}: no such object.") { Container = container, Key = key };
        var input = new JsonObject
        {
            ["Bucket"] = container,
            ["Key"] = key,
            ["CopySource"] = CopySource(container, key),
            ["MetadataDirective"] = "REPLACE",
            ["Metadata"] = MetadataNode(Lowercased(metadata)),
        };
        if (current.ContentType is { } type)
        {
            input["ContentType"] = type;
        }
        await CallAsync("CopyObject", input, container, key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override Uri GetSignedUrl(string container, string key, SignedUrlOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            if (options.Method == HttpMethod.Get)
            {
                return _presigner.PresignGetObject(container, key, options.ExpiresIn).Url;
            }
            if (options.Method == HttpMethod.Put)
            {
                return _presigner.PresignPutObject(container, key, options.ExpiresIn).Url;
            }
        }
        catch (StratusException e)
        {
            throw S3StorageErrors.Map(e, container, key);
        }
        throw new NotSupportedException($"S3 signed URLs are for GET and PUT, not {options.Method}.");
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsClient)
        {
            Client.Dispose();
        }
        base.Dispose(disposing);
    }

    private async Task<JsonObject> CallAsync(string operation, JsonObject input, string? container, string? key, CancellationToken cancellationToken)
    {
        try
        {
            return await Client.CallAsync(operation, input, cancellationToken).ConfigureAwait(false);
        }
        catch (StratusException e)
        {
            throw S3StorageErrors.Map(e, container, key);
        }
    }

    // "bucket/key", URL-encoded as S3 expects x-amz-copy-source (the key's slashes kept).
    private static string CopySource(string container, string key) => UriEncoding.Encode(container) + "/" + UriEncoding.Encode(key, "/");

    internal static string? Unquote(string? etag) => etag is null ? null : etag.Trim('"');

    private static Dictionary<string, string> Lowercased(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var lowered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in metadata)
        {
            lowered[name.ToLowerInvariant()] = value;
        }
        return lowered;
    }

    private static JsonObject MetadataNode(Dictionary<string, string> metadata)
    {
        var node = new JsonObject();
        foreach (var (name, value) in metadata)
        {
            node[name] = value;
        }
        return node;
    }

    private static ObjectInfo Info(string container, string key, JsonObject result)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result["Metadata"] is JsonObject map)
        {
            foreach (var (name, value) in map)
            {
                if (value is not null && NativeValues.TryGetString(value, out var text))
                {
                    metadata[name.ToLowerInvariant()] = text;
                }
            }
        }
        return new ObjectInfo
        {
            Container = container,
            Key = key,
            Size = NativeValues.TryGetInt64(result["ContentLength"], out var size) ? size : 0,
            ETag = Unquote((string?)result["ETag"]),
            LastModified = NativeValues.TryGetTimestamp(result["LastModified"], out var modified) ? modified : null,
            ContentType = (string?)result["ContentType"],
            Metadata = metadata,
        };
    }

    // Transfer progress (bytes so far, total) to the portable progress (bytes so far).
    private sealed class Progress(IProgress<long> target) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => target.Report(value.BytesTransferred);
    }
}
