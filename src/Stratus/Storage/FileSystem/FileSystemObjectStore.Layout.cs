namespace Stratus.Storage.FileSystem;

public sealed partial class FileSystemObjectStore
{
    private string ContainerPath(string container) => Path.Combine(Root, container);

    private string TempPath(string container) => Path.Combine(ContainerPath(container), FileKeys.TempPrefix + Guid.NewGuid().ToString("N"));

    private void RequireContainer(string container)
    {
        if (!Directory.Exists(ContainerPath(container)))
        {
            throw new StorageException(StorageErrorKind.ContainerNotFound, $"file://{container}: no such container.") { Container = container };
        }
    }

    private ObjectLocation Locate(string container, string key)
    {
        FileKeys.CheckContainer(container);
        var segments = FileKeys.Segments(key);
        var folder = ContainerPath(container);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            folder = Path.Combine(folder, FileKeys.Encode(segments[i]));
        }
        return new ObjectLocation(container, key, segments, folder, FileKeys.Encode(segments[^1]));
    }

    // Moves a written temporary file (and its sidecar) into place. The sidecar goes first, so a reader may briefly
    // see the new metadata with the old content, never content without its sidecar.
    private void Commit(ObjectLocation location, string temp, FileSidecar sidecar, CancellationToken cancellationToken)
    {
        var sidecarTemp = temp + "m";
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    EnsureFolders(location);
                    var shadowed = Directory.Exists(location.PlainPath);
                    sidecar.Write(sidecarTemp);
                    File.Move(sidecarTemp, location.SidecarPath, overwrite: true);
                    File.Move(temp, shadowed ? location.ShadowedPath : location.PlainPath, overwrite: true);
                    if (!shadowed)
                    {
                        File.Delete(location.ShadowedPath);
                    }
                    return;
                }
                catch (DirectoryNotFoundException) when (attempt < 3)
                {
                    // A delete elsewhere pruned a folder on the way; make it again.
                }
            }
        }
        finally
        {
            TryDelete(sidecarTemp);
        }
    }

    // Makes the key's folders; an object stored as a plain file where a folder must go moves aside to name%o.
    private void EnsureFolders(ObjectLocation location)
    {
        var path = ContainerPath(location.Container);
        for (var i = 0; i < location.Segments.Length - 1; i++)
        {
            path = Path.Combine(path, FileKeys.Encode(location.Segments[i]));
            if (File.Exists(path))
            {
                File.Move(path, path + FileKeys.ShadowedSuffix, overwrite: true);
            }
            Directory.CreateDirectory(path);
        }
    }

    // Removes the folders a delete left empty, up to the container; an object that had moved aside (name%o)
    // because of a folder of its name gets its plain name back.
    private static void Prune(string folder, string containerPath)
    {
        while (folder.Length > containerPath.Length && folder.StartsWith(containerPath, StringComparison.Ordinal))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    return;
                }
                Directory.Delete(folder);
                var shadowed = folder + FileKeys.ShadowedSuffix;
                if (File.Exists(shadowed) && !Path.Exists(folder))
                {
                    File.Move(shadowed, folder);
                }
            }
            catch (IOException)
            {
                // Another writer put something there meanwhile: the folder stays.
                return;
            }
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    /// <summary>Where an object lives: its folder and encoded name (data at name or name%o, sidecar at name%m).</summary>
    private sealed record ObjectLocation(string Container, string Key, string[] Segments, string Folder, string Name)
    {
        public string PlainPath => Path.Combine(Folder, Name);

        public string ShadowedPath => Path.Combine(Folder, Name + FileKeys.ShadowedSuffix);

        public string SidecarPath => Path.Combine(Folder, Name + FileKeys.SidecarSuffix);

        public string? FindData() =>
            File.Exists(PlainPath) ? PlainPath : File.Exists(ShadowedPath) ? ShadowedPath : null;
    }
}
