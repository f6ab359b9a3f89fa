namespace Stratus.Storage;

/// <summary>
/// Portable object storage (libcloud's idea, done for .NET): containers (S3 buckets, Swift containers, Azure blob
/// containers, folders) holding objects by key, the same calls on every provider. Each provider's store does large
/// objects its own way (S3 multipart, Swift static large objects, Azure staged blocks) and says in
/// <see cref="Capabilities"/> what it cannot do. Failures are <see cref="StorageException"/>s with a portable
/// <see cref="StorageErrorKind"/> and the provider's own error inside. Thread-safe; meant to be shared.
/// </summary>
public abstract class ObjectStore : IDisposable
{
    /// <summary>The provider's URL scheme, for example <c>s3</c>, <c>swift</c>, <c>az</c> or <c>file</c>.</summary>
    public abstract string Scheme { get; }

    /// <summary>What this store can do beyond the calls every store has.</summary>
    public abstract StoreCapabilities Capabilities { get; }

    /// <summary>Lists the containers, fetching pages as the enumeration goes.</summary>
    public abstract IAsyncEnumerable<ContainerInfo> ListContainersAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a container; one that exists already (and is the caller's) is not an error.</summary>
    public abstract Task CreateContainerAsync(string container, CancellationToken cancellationToken = default);

    /// <summary>Deletes an empty container. <see cref="StorageErrorKind.ContainerNotEmpty"/> when it holds objects; a missing one is not an error.</summary>
    public abstract Task DeleteContainerAsync(string container, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists a container's objects in key order, fetching pages as the enumeration goes. With
    /// <see cref="ListOptions.Delimiter"/>, keys below it are rolled up into prefixes (<see cref="StoreEntry.IsPrefix"/>).
    /// </summary>
    public abstract IAsyncEnumerable<StoreEntry> ListAsync(string container, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="content"/> as an object, read once from its current position to its end. The stream
    /// need not be seekable nor its length known (large or unknown-length content goes up in parts, in parallel).
    /// </summary>
    public abstract Task<ObjectInfo> PutAsync(string container, string key, Stream content, PutOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Stores a file as an object (in parts, in parallel, when large).</summary>
    public virtual async Task<ObjectInfo> PutFileAsync(string container, string key, string path, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            // The caller's options are not changed (they may serve several files): the length goes on a copy.
            var withLength = new PutOptions
            {
                ContentType = options?.ContentType,
                Metadata = options?.Metadata ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
                Length = options?.Length ?? file.Length,
                PartSize = options?.PartSize,
                Concurrency = options?.Concurrency ?? 4,
                Progress = options?.Progress,
            };
            return await PutAsync(container, key, file, withLength, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens an object (or a range of it) for reading, streamed from the provider. <see cref="StorageErrorKind.NotFound"/> when it is missing.</summary>
    public abstract Task<ObjectDownload> GetAsync(string container, string key, GetOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>An object's size, ETag, dates, content type and metadata; null when it is missing.</summary>
    public abstract Task<ObjectInfo?> HeadAsync(string container, string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; a missing one is not an error.</summary>
    public abstract Task DeleteAsync(string container, string key, CancellationToken cancellationToken = default);

    /// <summary>Copies an object within this store (server-side where the provider can), keeping its content type and metadata.</summary>
    public abstract Task<ObjectInfo> CopyAsync(string sourceContainer, string sourceKey, string container, string key, CancellationToken cancellationToken = default);

    /// <summary>Replaces an object's user metadata (keys are lowercased; values are ASCII).</summary>
    public abstract Task SetMetadataAsync(string container, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default);

    /// <summary>
    /// A URL that lets its holder GET (or PUT) the object with no credentials until it expires. Computed locally, no request.
    /// </summary>
    /// <exception cref="NotSupportedException">The store cannot sign URLs (see <see cref="StoreCapabilities.SignedUrls"/>).</exception>
    public abstract Uri GetSignedUrl(string container, string key, SignedUrlOptions options);

    /// <summary>Releases the store's clients.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the store's clients.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Shows the scheme (never credentials).</summary>
    public override string ToString() => $"{GetType().Name} {{ Scheme = {Scheme} }}";
}
