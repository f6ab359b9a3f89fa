using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Stratus.Storage;

namespace Stratus.Cli.Tests.Storage;

/// <summary>
/// A provider for the tests: an <see cref="ObjectStore"/> over memory, registered under test schemes (<c>memtest://</c>,
/// <c>memtest2://</c>) so that <c>stratus storage</c> can be run across two "providers" before the real stores are
/// merged. It stands in for a provider, not for the code under test, and keeps to the contract's documented semantics.
/// It records what the CLI asked of it (the settings it was opened with, each put's options).
/// </summary>
internal sealed class MemoryObjectStore(string scheme, MemoryObjectStore.Account account, StoreSettings settings, StoreCapabilities capabilities) : ObjectStore
{
    /// <summary>The data behind a scheme (the CLI opens and disposes a store per run; the data outlives it).</summary>
    public sealed class Account
    {
        public ConcurrentDictionary<string, ConcurrentDictionary<string, (byte[] Data, ObjectInfo Info)>> Containers { get; } = new();

        public ConcurrentQueue<StoreSettings> Opened { get; } = new();

        public ConcurrentQueue<PutRecord> Puts { get; } = new();

        public int ServerCopies;
    }

    /// <summary>One put, as the store saw it.</summary>
    public sealed record PutRecord(string Container, string Key, long? Length, string? ContentType, IReadOnlyDictionary<string, string> Metadata, int Bytes);

    public static readonly Account First = new();
    public static readonly Account Second = new();

    /// <summary>Registers <c>memtest://</c> (signed GET and PUT URLs, server-side copy, content types) and <c>memtest2://</c> (signed GET only).</summary>
    public static void EnsureRegistered()
    {
        ObjectStores.Register("memtest", s => Open("memtest", First, s, StoreCapabilities.SignedUrls | StoreCapabilities.SignedPutUrls | StoreCapabilities.ServerSideCopy | StoreCapabilities.ContentType));
        ObjectStores.Register("memtest2", s => Open("memtest2", Second, s, StoreCapabilities.SignedUrls | StoreCapabilities.ContentType));
    }

    private static MemoryObjectStore Open(string scheme, Account account, StoreSettings settings, StoreCapabilities capabilities)
    {
        account.Opened.Enqueue(settings);
        return new MemoryObjectStore(scheme, account, settings, capabilities);
    }

    public StoreSettings Settings { get; } = settings;

    public override string Scheme => scheme;

    public override StoreCapabilities Capabilities => capabilities;

    public override async IAsyncEnumerable<ContainerInfo> ListContainersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var name in account.Containers.Keys.Order(StringComparer.Ordinal))
        {
            yield return new ContainerInfo(name, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        }
    }

    public override Task CreateContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        account.Containers.TryAdd(container, new());
        return Task.CompletedTask;
    }

    public override Task DeleteContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        if (account.Containers.TryGetValue(container, out var objects) && !objects.IsEmpty)
        {
            throw new StorageException(StorageErrorKind.ContainerNotEmpty, $"The container {container} is not empty.") { Container = container };
        }
        account.Containers.TryRemove(container, out _);
        return Task.CompletedTask;
    }

    public override async IAsyncEnumerable<StoreEntry> ListAsync(string container, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var objects = Objects(container);
        var prefix = options?.Prefix ?? "";
        string? lastPrefix = null;
        await Task.Yield();
        foreach (var key in objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (options?.Delimiter is { Length: > 0 } delimiter && key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal) is var at and >= 0)
            {
                var rolled = key[..(at + delimiter.Length)];
                if (rolled != lastPrefix)
                {
                    lastPrefix = rolled;
                    yield return new StoreEntry(rolled, null);
                }
                continue;
            }
            // As a listing does: no metadata.
            yield return new StoreEntry(key, objects[key].Info with { Metadata = new Dictionary<string, string>() });
        }
    }

    public override async Task<ObjectInfo> PutAsync(string container, string key, Stream content, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        var objects = Objects(container);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in options?.Metadata ?? new Dictionary<string, string>())
        {
            metadata[name.ToLowerInvariant()] = value;
        }
        var info = new ObjectInfo
        {
            Container = container,
            Key = key,
            Size = buffer.Length,
            LastModified = DateTimeOffset.UtcNow,
            ContentType = options?.ContentType ?? "application/octet-stream",
            Metadata = metadata,
            ETag = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(buffer.ToArray())),
        };
        objects[key] = (buffer.ToArray(), info);
        account.Puts.Enqueue(new PutRecord(container, key, options?.Length, options?.ContentType, metadata, (int)buffer.Length));
        return info;
    }

    public override Task<ObjectDownload> GetAsync(string container, string key, GetOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!Objects(container).TryGetValue(key, out var found))
        {
            throw new StorageException(StorageErrorKind.NotFound, $"The object {key} does not exist.") { Container = container, Key = key };
        }
        return Task.FromResult(new ObjectDownload(found.Info, new MemoryStream(found.Data, writable: false)));
    }

    public override Task<ObjectInfo?> HeadAsync(string container, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Objects(container).TryGetValue(key, out var found) ? found.Info : null);

    public override Task DeleteAsync(string container, string key, CancellationToken cancellationToken = default)
    {
        Objects(container).TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public override Task<ObjectInfo> CopyAsync(string sourceContainer, string sourceKey, string container, string key, CancellationToken cancellationToken = default)
    {
        if (!Objects(sourceContainer).TryGetValue(sourceKey, out var found))
        {
            throw new StorageException(StorageErrorKind.NotFound, $"The object {sourceKey} does not exist.") { Container = sourceContainer, Key = sourceKey };
        }
        var info = found.Info with { Container = container, Key = key, LastModified = DateTimeOffset.UtcNow };
        Objects(container)[key] = (found.Data, info);
        Interlocked.Increment(ref account.ServerCopies);
        return Task.FromResult(info);
    }

    public override Task SetMetadataAsync(string container, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("not used by the CLI");

    public override Uri GetSignedUrl(string container, string key, SignedUrlOptions options)
    {
        if (options.ExpiresIn > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "a signed URL lasts at most 7 days");
        }
        if (options.Method == HttpMethod.Put && !capabilities.HasFlag(StoreCapabilities.SignedPutUrls))
        {
            throw new NotSupportedException("no signed PUT URLs");
        }
        return new Uri($"https://{scheme}.invalid/{container}/{Uri.EscapeDataString(key)}?method={options.Method.Method}&expires={(int)options.ExpiresIn.TotalSeconds}");
    }

    private ConcurrentDictionary<string, (byte[] Data, ObjectInfo Info)> Objects(string container) =>
        account.Containers.TryGetValue(container, out var objects)
            ? objects
            : throw new StorageException(StorageErrorKind.ContainerNotFound, $"The container {container} does not exist.") { Container = container };
}
