using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Stratus.Azure.Signing;
using Stratus.Client;
using Stratus.Protocols;
using Stratus.Storage;

namespace Stratus.Azure.Storage;

/// <summary>
/// Azure Blob Storage as a portable <see cref="ObjectStore"/> (<c>az://container/blob</c>): containers and block
/// blobs, listing with paging and hierarchy, large uploads staged as blocks in parallel, ranged reads, server-side
/// copy within the account, metadata, and signed URLs (service SAS; they need the account key). Thread-safe.
/// </summary>
public sealed partial class AzureBlobStore : ObjectStore
{
    private const long DefaultBlockSize = 8L * 1024 * 1024;
    private readonly AzureStorageAccount _account;
    private readonly bool _ownsClient;

    /// <summary>Opens the store for an account.</summary>
    /// <param name="account">The account, its endpoint and credential.</param>
    /// <param name="options">Client options (retries, timeouts, logging) for the store's blob client.</param>
    public AzureBlobStore(AzureStorageAccount account, ClientOptions? options = null)
    {
        _account = account ?? throw new ArgumentNullException(nameof(account));
        Client = AzureCloud.ConnectBlob(account, options);
        _ownsClient = true;
    }

    /// <summary>The blob service client the store calls (for operations beyond the portable API).</summary>
    public ServiceClient Client { get; }

    /// <inheritdoc />
    public override string Scheme => AzureCloud.StoreScheme;

    /// <inheritdoc />
    public override StoreCapabilities Capabilities =>
        StoreCapabilities.ServerSideCopy | StoreCapabilities.ParallelUpload | StoreCapabilities.ContentType
        | (_account.HasKey ? StoreCapabilities.SignedUrls : StoreCapabilities.None);

    /// <inheritdoc />
    public override async IAsyncEnumerable<ContainerInfo> ListContainersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var e = Client.PaginateAsync("ListContainers", [], cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = e.ConfigureAwait(false);
        while (await Guard(e.MoveNextAsync(), null, null).ConfigureAwait(false))
        {
            if (e.Current["Containers"] is not JsonArray containers)
            {
                continue;
            }
            foreach (var container in containers)
            {
                if (container?["Name"]?.GetValue<string>() is { } name)
                {
                    yield return new ContainerInfo(name, Timestamp(container["Properties"]?["LastModified"]));
                }
            }
        }
    }

    /// <inheritdoc />
    public override async Task CreateContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        try
        {
            await Client.CallAsync("CreateContainer", new JsonObject { ["Container"] = container }, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.ErrorCode == "ContainerAlreadyExists")
        {
            // An account's container names are its own: one that exists is the caller's.
        }
        catch (StratusException e)
        {
            throw Map(e, container, null);
        }
    }

    /// <inheritdoc />
    public override async Task DeleteContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        try
        {
            // Azure deletes a container with its blobs; the portable contract refuses, so look first.
            var page = await Client.CallAsync("ListBlobs", new JsonObject { ["Container"] = container, ["MaxResults"] = 1 }, cancellationToken).ConfigureAwait(false);
            if (page["Blobs"]?["BlobItems"] is JsonArray { Count: > 0 })
            {
                throw new StorageException(StorageErrorKind.ContainerNotEmpty, $"az://{container}: the container holds blobs.") { Container = container };
            }
            await Client.CallAsync("DeleteContainer", new JsonObject { ["Container"] = container }, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.ErrorCode == "ContainerNotFound")
        {
        }
        catch (StratusException e) when (e is not StorageException)
        {
            throw Map(e, container, null);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<StoreEntry> ListAsync(string container, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new ListOptions();
        var input = new JsonObject { ["Container"] = container, ["Include"] = "metadata" };
        if (!string.IsNullOrEmpty(options.Prefix))
        {
            input["Prefix"] = options.Prefix;
        }
        if (!string.IsNullOrEmpty(options.Delimiter))
        {
            input["Delimiter"] = options.Delimiter;
        }
        if (options.PageSize is { } size)
        {
            input["MaxResults"] = size;
        }
        var startAfter = options.StartAfter;
        var e = Client.PaginateAsync("ListBlobs", input, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = e.ConfigureAwait(false);
        while (await Guard(e.MoveNextAsync(), container, null).ConfigureAwait(false))
        {
            foreach (var entry in Entries(container, e.Current))
            {
                // Azure's markers are opaque, so "start after" is applied here; a prefix that may hold later keys stays.
                if (startAfter is not null && string.CompareOrdinal(entry.Key, startAfter) <= 0
                    && !(entry.IsPrefix && startAfter.StartsWith(entry.Key, StringComparison.Ordinal)))
                {
                    continue;
                }
                yield return entry;
            }
        }
    }

    // One page's blobs and prefixes, merged in name order (Azure lists them in two runs of one sorted sequence).
    private static List<StoreEntry> Entries(string container, JsonObject page)
    {
        var entries = new List<StoreEntry>();
        if (page["Blobs"]?["BlobItems"] is JsonArray blobs)
        {
            foreach (var blob in blobs)
            {
                if (blob?["Name"]?.GetValue<string>() is { } name)
                {
                    var properties = blob["Properties"];
                    entries.Add(new StoreEntry(name, new ObjectInfo
                    {
                        Container = container,
                        Key = name,
                        Size = properties?["ContentLength"] is JsonValue length && NativeValues.TryGetInt64(length, out var l) ? l : 0,
                        ETag = ETag(properties?["ETag"]),
                        LastModified = Timestamp(properties?["LastModified"]),
                        ContentType = properties?["ContentType"]?.GetValue<string>() is { Length: > 0 } type ? type : null,
                        Metadata = Metadata(blob["Metadata"]),
                    }));
                }
            }
        }
        if (page["Blobs"]?["BlobPrefixes"] is JsonArray prefixes)
        {
            foreach (var prefix in prefixes)
            {
                if (prefix?["Name"]?.GetValue<string>() is { } name)
                {
                    entries.Add(new StoreEntry(name, null));
                }
            }
        }
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return entries;
    }

    /// <inheritdoc />
    public override async Task<ObjectDownload> GetAsync(string container, string key, GetOptions? options = null, CancellationToken cancellationToken = default)
    {
        var input = new JsonObject { ["Container"] = container, ["Blob"] = key };
        if (options is { RangeStart: not null } or { RangeEnd: not null })
        {
            var start = options.RangeStart ?? 0;
            if (options.RangeEnd is { } end && end < start)
            {
                throw new StorageException(StorageErrorKind.InvalidRequest, $"az://{container}/{key}: the range ends ({end}) before it starts ({start}).") { Container = container, Key = key };
            }
            input["Range"] = options.RangeEnd is { } last ? $"bytes={start}-{last}" : $"bytes={start}-";
        }
        JsonObject result;
        try
        {
            result = await Client.CallAsync("GetBlob", input, cancellationToken).ConfigureAwait(false);
        }
        catch (StratusException e)
        {
            throw Map(e, container, key);
        }
        if (!NativeValues.TryGetStream(result["Body"], out var body))
        {
            body = Stream.Null;
        }
        var info = Info(container, key, result);
        // For a range, the whole blob's size is after the slash of Content-Range ("bytes 0-99/1234").
        if (result["ContentRange"]?.GetValue<string>() is { } range && range.LastIndexOf('/') is var slash and > 0
            && long.TryParse(range.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var total))
        {
            info = info with { Size = total };
        }
        return new ObjectDownload(info, body);
    }

    /// <inheritdoc />
    public override async Task<ObjectInfo?> HeadAsync(string container, string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await Client.CallAsync("GetBlobProperties", new JsonObject { ["Container"] = container, ["Blob"] = key }, cancellationToken).ConfigureAwait(false);
            return Info(container, key, result);
        }
        catch (ServiceException e) when (e.StatusCode == 404)
        {
            return null;
        }
        catch (StratusException e)
        {
            throw Map(e, container, key);
        }
    }

    /// <inheritdoc />
    public override async Task DeleteAsync(string container, string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await Client.CallAsync("DeleteBlob", new JsonObject { ["Container"] = container, ["Blob"] = key }, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.ErrorCode == "BlobNotFound")
        {
        }
        catch (StratusException e)
        {
            throw Map(e, container, key);
        }
    }

    /// <inheritdoc />
    public override async Task<ObjectInfo> CopyAsync(string sourceContainer, string sourceKey, string container, string key, CancellationToken cancellationToken = default)
    {
        // In the same account the request's own authentication covers the source; a SAS client's token is passed on.
        var source = BlobUrl(sourceContainer, sourceKey).AbsoluteUri;
        if (_account.SasToken is { } sas)
        {
            source += "?" + sas;
        }
        try
        {
            var result = await Client.CallAsync("CopyBlob", new JsonObject
            {
                ["Container"] = container,
                ["Blob"] = key,
                ["CopySource"] = source,
            }, cancellationToken).ConfigureAwait(false);
            var status = result["CopyStatus"]?.GetValue<string>();
            var delay = TimeSpan.FromMilliseconds(50);
            // Within an account a copy is usually done at once ("success"); a large one may finish later.
            while (status == "pending")
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
                var properties = await Client.CallAsync("GetBlobProperties", new JsonObject { ["Container"] = container, ["Blob"] = key }, cancellationToken).ConfigureAwait(false);
                status = properties["CopyStatus"]?.GetValue<string>();
            }
            if (status is not (null or "success"))
            {
                throw new StorageException(StorageErrorKind.Other, $"az://{container}/{key}: the copy from az://{sourceContainer}/{sourceKey} ended '{status}'.") { Container = container, Key = key };
            }
        }
        catch (ServiceException e) when (e.ErrorCode is "CannotVerifyCopySource" && e.StatusCode == 404)
        {
            throw new StorageException(StorageErrorKind.NotFound, $"az://{sourceContainer}/{sourceKey}: the source blob does not exist.", e) { Container = sourceContainer, Key = sourceKey };
        }
        catch (StratusException e) when (e is not StorageException)
        {
            throw Map(e, container, key);
        }
        return await HeadAsync(container, key, cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException(StorageErrorKind.NotFound, $"az://{container}/{key}: the copy is gone.") { Container = container, Key = key };
    }

    /// <inheritdoc />
    public override async Task SetMetadataAsync(string container, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        try
        {
            await Client.CallAsync("SetBlobMetadata", new JsonObject
            {
                ["Container"] = container,
                ["Blob"] = key,
                ["Metadata"] = MetadataInput(metadata),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (StratusException e)
        {
            throw Map(e, container, key);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// A service SAS for the one blob: read for GET; create and write for PUT. A PUT through it must send
    /// <c>x-ms-blob-type: BlockBlob</c>, as every Put Blob must.
    /// </remarks>
    public override Uri GetSignedUrl(string container, string key, SignedUrlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!_account.HasKey)
        {
            throw new NotSupportedException($"az: signed URLs need the account key; the account '{_account.Name}' is used with a SAS token.");
        }
        // A PUT to a SAS URL must still send x-ms-blob-type: BlockBlob, which a SAS cannot waive, so a portable
        // signed PUT (any client, no extra headers) is not offered; BlobSasBuilder makes such URLs for callers who add it.
        var permissions = options.Method == HttpMethod.Get ? "r"
            : throw new NotSupportedException($"az: portable signed URLs allow GET only, not {options.Method} (an Azure PUT also needs the x-ms-blob-type header; use BlobSasBuilder).");
        var sas = new BlobSasBuilder
        {
            Container = container,
            Blob = key,
            Permissions = permissions,
            // A few minutes' grace for clocks behind ours, as Azure's own tools do.
            StartsOn = DateTimeOffset.UtcNow.AddMinutes(-5),
            ExpiresOn = DateTimeOffset.UtcNow + options.ExpiresIn,
        }.ToSasToken(_account);
        return new Uri(BlobUrl(container, key).AbsoluteUri + "?" + sas);
    }

    /// <summary>The blob's URL (unsigned).</summary>
    public Uri BlobUrl(string container, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var encoded = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        return new Uri(_account.BlobEndpoint.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(container) + "/" + encoded);
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

    /// <summary>Shows the account and endpoint (never the key).</summary>
    public override string ToString() => $"AzureBlobStore {{ Account = {_account.Name}, Endpoint = {_account.BlobEndpoint} }}";
}
