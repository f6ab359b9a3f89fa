using System.Collections.Concurrent;

namespace Stratus.Testing.Mock;

/// <summary>
/// Where mocked services keep large binary data (S3 object bodies, uploaded parts): in memory, or in
/// files under the state directory (written and flushed before the call is acknowledged).
/// Blobs are immutable: a new version is a new blob.
/// </summary>
public sealed class MockBlobStore
{
    private readonly string? _directory;
    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);

    /// <summary>A store in memory (<paramref name="directory"/> null) or in a directory.</summary>
    public MockBlobStore(string? directory = null)
    {
        _directory = directory;
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>Stores the rest of <paramref name="content"/> and returns its id and length.</summary>
    public async ValueTask<(string Id, long Length)> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Guid.NewGuid().ToString("N");
        if (_directory is null)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            _memory[id] = buffer.ToArray();
            return (id, buffer.Length);
        }
        var path = Path.Combine(_directory, id);
        var temp = path + ".tmp";
        long length;
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            length = file.Length;
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path);
        return (id, length);
    }

    /// <summary>Stores bytes and returns the blob's id.</summary>
    public string Put(ReadOnlySpan<byte> content)
    {
        var id = Guid.NewGuid().ToString("N");
        if (_directory is null)
        {
            _memory[id] = content.ToArray();
            return id;
        }
        var path = Path.Combine(_directory, id);
        using (var file = new FileStream(path + ".tmp", FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }
        File.Move(path + ".tmp", path);
        return id;
    }

    /// <summary>Opens a blob for reading (a new stream each time; the caller disposes it).</summary>
    /// <exception cref="KeyNotFoundException">No such blob.</exception>
    public Stream Open(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_directory is null)
        {
            return _memory.TryGetValue(id, out var bytes) ? new MemoryStream(bytes, writable: false) : throw new KeyNotFoundException($"No blob '{id}'.");
        }
        var path = Path.Combine(_directory, Path.GetFileName(id));
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : throw new KeyNotFoundException($"No blob '{id}'.");
    }

    /// <summary>The blob's length.</summary>
    public long Length(string id) =>
        _directory is null
            ? (_memory.TryGetValue(id, out var b) ? b.Length : throw new KeyNotFoundException($"No blob '{id}'."))
            : new FileInfo(Path.Combine(_directory, Path.GetFileName(id))).Length;

    /// <summary>Deletes a blob (no error when absent).</summary>
    public void Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_directory is null)
        {
            _memory.TryRemove(id, out _);
        }
        else
        {
            File.Delete(Path.Combine(_directory, Path.GetFileName(id)));
        }
    }
}
