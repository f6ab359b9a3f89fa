namespace Stratus.Storage;

/// <summary>An object being read: what it is and its content, streamed from the provider. Dispose it to release the connection.</summary>
public sealed class ObjectDownload : IDisposable, IAsyncDisposable
{
    /// <summary>Creates a download.</summary>
    public ObjectDownload(ObjectInfo info, Stream content)
    {
        Info = info ?? throw new ArgumentNullException(nameof(info));
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>The object (for a range, <see cref="ObjectInfo.Size"/> is the whole object's size when the provider says it).</summary>
    public ObjectInfo Info { get; }

    /// <summary>The content (or the range asked for), read once from the provider.</summary>
    public Stream Content { get; }

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
