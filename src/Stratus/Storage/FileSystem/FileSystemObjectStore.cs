using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Stratus.Storage.FileSystem;

/// <summary>
/// The portable <see cref="ObjectStore"/> over a local folder (scheme <c>file</c>): containers are the root's
/// subfolders, and a key's <c>/</c>-separated segments are folders and a file (see README.md beside this file
/// for the layout). Puts are atomic (written to a temporary file, then moved into place); content type, ETag
/// (the content's MD5) and metadata live in a sidecar file. No signed URLs, no server-side anything.
/// </summary>
public sealed partial class FileSystemObjectStore : ObjectStore
{
    private const int BufferSize = 81920;

    /// <summary>Creates a store over <paramref name="root"/> (created when the first container is).</summary>
    public FileSystemObjectStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The folder holding the containers.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public override string Scheme => "file";

    /// <inheritdoc />
    public override StoreCapabilities Capabilities => StoreCapabilities.ContentType;

    /// <summary>
    /// Opens a store from portable settings (the <c>file</c> factory of <see cref="ObjectStores"/>): the root is
    /// <c>Values["root"]</c>, else a <c>file:</c> <see cref="StoreSettings.EndpointUrl"/>, else <c>STRATUS_FILE_ROOT</c>,
    /// else the current directory.
    /// </summary>
    public static FileSystemObjectStore Open(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = settings.Values.TryGetValue("root", out var value) && value.Length > 0 ? value
            : settings.EndpointUrl is { IsFile: true } url ? url.LocalPath
            : settings.Environment("STRATUS_FILE_ROOT") is { Length: > 0 } env ? env
            : Directory.GetCurrentDirectory();
        return new FileSystemObjectStore(root);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ContainerInfo> ListContainersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        if (!Directory.Exists(Root))
        {
            yield break;
        }
        var names = new DirectoryInfo(Root).EnumerateDirectories()
            .Where(static d => d.Name is not ("." or "..") && FileKeys.Encode(d.Name) == d.Name)
            .OrderBy(static d => d.Name, KeyOrder.Instance)
            .ToList();
        foreach (var dir in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ContainerInfo(dir.Name, dir.CreationTimeUtc);
        }
    }

    /// <inheritdoc />
    public override Task CreateContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        FileKeys.CheckContainer(container);
        cancellationToken.ThrowIfCancellationRequested();
        Guard<DirectoryInfo>(container, null, () => Directory.CreateDirectory(ContainerPath(container)));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task DeleteContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        FileKeys.CheckContainer(container);
        cancellationToken.ThrowIfCancellationRequested();
        var path = ContainerPath(container);
        if (!Directory.Exists(path))
        {
            return Task.CompletedTask;
        }
        // Files being written (%t...) are not objects; anything else is.
        if (Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Any(static f => !Path.GetFileName(f).StartsWith(FileKeys.TempPrefix, StringComparison.Ordinal)))
        {
            throw new StorageException(StorageErrorKind.ContainerNotEmpty, $"file://{container}: the container holds objects.") { Container = container };
        }
        Guard(container, null, () =>
        {
            Directory.Delete(path, recursive: true);
            return 0;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task<ObjectInfo> PutAsync(string container, string key, Stream content, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new PutOptions();
        var location = Locate(container, key);
        RequireContainer(container);
        var temp = TempPath(container);
        try
        {
            string etag;
            long size = 0;
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
                var buffer = new byte[BufferSize];
                int n;
                while ((n = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    md5.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    size += n;
                    options.Progress?.Report(size);
                }
                etag = Convert.ToHexStringLower(md5.GetHashAndReset());
            }
            var sidecar = new FileSidecar(options.ContentType ?? "application/octet-stream", etag, Lowercased(options.Metadata));
            Commit(location, temp, sidecar, cancellationToken);
            return Info(location, new FileInfo(location.FindData()!), sidecar);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Map(e, container, key);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <inheritdoc />
    public override Task<ObjectDownload> GetAsync(string container, string key, GetOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = Locate(container, key);
        RequireContainer(container);
        return Task.FromResult(Guard(container, key, () =>
        {
            var data = location.FindData() ?? throw Missing(container, key);
            var stream = new FileStream(data, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            try
            {
                var info = Info(location, new FileInfo(data), FileSidecar.Read(location.SidecarPath)) with { Size = stream.Length };
                if (options is null || (options.RangeStart is null && options.RangeEnd is null))
                {
                    return new ObjectDownload(info, stream);
                }
                var start = options.RangeStart ?? 0;
                var end = Math.Min(options.RangeEnd ?? long.MaxValue, stream.Length - 1);
                if (start < 0 || start >= stream.Length || end < start)
                {
                    throw new StorageException(StorageErrorKind.InvalidRequest,
                        $"file://{container}/{key}: the range {start}-{options.RangeEnd} is outside the object's {stream.Length} bytes.") { Container = container, Key = key };
                }
                stream.Position = start;
                return new ObjectDownload(info, new RangeReadStream(stream, end - start + 1));
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }));
    }

    /// <inheritdoc />
    public override Task<ObjectInfo?> HeadAsync(string container, string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = Locate(container, key);
        return Task.FromResult(Guard(container, key, () =>
            location.FindData() is { } data && new FileInfo(data) is { Exists: true } file
                ? Info(location, file, FileSidecar.Read(location.SidecarPath))
                : null));
    }

    /// <inheritdoc />
    public override Task DeleteAsync(string container, string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = Locate(container, key);
        RequireContainer(container);
        Guard(container, key, () =>
        {
            File.Delete(location.PlainPath);
            File.Delete(location.ShadowedPath);
            File.Delete(location.SidecarPath);
            Prune(location.Folder, ContainerPath(container));
            return 0;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task<ObjectInfo> CopyAsync(string sourceContainer, string sourceKey, string container, string key, CancellationToken cancellationToken = default)
    {
        var source = Locate(sourceContainer, sourceKey);
        var target = Locate(container, key);
        RequireContainer(container);
        var temp = TempPath(container);
        try
        {
            var data = source.FindData() ?? throw Missing(sourceContainer, sourceKey);
            var sidecar = FileSidecar.Read(source.SidecarPath);
            var from = new FileStream(data, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (from.ConfigureAwait(false))
            {
                var to = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
                await using (to.ConfigureAwait(false))
                {
                    await from.CopyToAsync(to, BufferSize, cancellationToken).ConfigureAwait(false);
                }
            }
            Commit(target, temp, sidecar, cancellationToken);
            return Info(target, new FileInfo(target.FindData()!), sidecar);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Map(e, container, key);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <inheritdoc />
    public override Task SetMetadataAsync(string container, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        cancellationToken.ThrowIfCancellationRequested();
        var location = Locate(container, key);
        var temp = TempPath(container);
        try
        {
            Guard(container, key, () =>
            {
                _ = location.FindData() ?? throw Missing(container, key);
                var sidecar = FileSidecar.Read(location.SidecarPath) with { Metadata = Lowercased(metadata) };
                sidecar.Write(temp);
                File.Move(temp, location.SidecarPath, overwrite: true);
                return 0;
            });
        }
        finally
        {
            TryDelete(temp);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: a folder cannot sign URLs.</exception>
    public override Uri GetSignedUrl(string container, string key, SignedUrlOptions options) =>
        throw new NotSupportedException("The file store cannot sign URLs (see Capabilities).");

    /// <summary>Shows the scheme and root.</summary>
    public override string ToString() => $"FileSystemObjectStore {{ Root = {Root} }}";

    private static Dictionary<string, string> Lowercased(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var lowered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in metadata)
        {
            lowered[name.ToLowerInvariant()] = value;
        }
        return lowered;
    }

    private static ObjectInfo Info(ObjectLocation location, FileInfo file, FileSidecar sidecar) => new()
    {
        Container = location.Container,
        Key = location.Key,
        Size = file.Length,
        ETag = sidecar.ETag,
        LastModified = file.LastWriteTimeUtc,
        ContentType = sidecar.ContentType,
        Metadata = sidecar.Metadata,
    };

    private static StorageException Missing(string container, string key) =>
        new(StorageErrorKind.NotFound, $"file://{container}/{key}: no such object.") { Container = container, Key = key };

    private static StorageException Map(Exception e, string container, string? key) => e switch
    {
        StorageException s => s,
        UnauthorizedAccessException => new StorageException(StorageErrorKind.AccessDenied, $"file://{container}/{key}: {e.Message}", e) { Container = container, Key = key },
        PathTooLongException => new StorageException(StorageErrorKind.InvalidRequest, $"file://{container}/{key}: the key is too long for this file system.", e) { Container = container, Key = key },
        _ => new StorageException(StorageErrorKind.Other, $"file://{container}/{key}: {e.Message}", e) { Container = container, Key = key },
    };

    private static T Guard<T>(string container, string? key, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Map(e, container, key);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file (%t...) is skipped by listings and deletes; nothing depends on it.
        }
    }
}
