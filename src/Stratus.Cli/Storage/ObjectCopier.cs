using Stratus.Cli.Commands;
using Stratus.Storage;
using Stratus.Transfer;

namespace Stratus.Cli.Storage;

/// <summary>
/// Copies one object or file between any two locations: local to provider (upload), provider to local (download),
/// within one store (on the server), and across providers, where the source's download stream is piped straight into
/// the destination's upload: no temporary file, and memory bounded by the destination's parts in flight.
/// </summary>
internal static class ObjectCopier
{
    /// <summary>The buffer of file and standard-stream copies.</summary>
    private const int BufferSize = 1024 * 1024;

    /// <summary>
    /// Copies <paramref name="from"/> to <paramref name="to"/>. <paramref name="size"/> is the source's size when known
    /// (it is passed to the destination as the upload's length); <paramref name="lastModified"/> becomes a downloaded
    /// file's time; <paramref name="head"/>, when the caller has it, supplies a content type and metadata the download
    /// lacks. A failure is reported on one line and the command goes on (its exit code is then 1).
    /// </summary>
    public static async Task CopyAsync(StorageSession session, Location from, Location to, long? size, DateTimeOffset? lastModified, CancellationToken cancellationToken, ObjectInfo? head = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var verb = from.IsRemote && !to.IsRemote ? "download" : !from.IsRemote && to.IsRemote ? "upload" : "copy";
        var line = $"{session.Prefix}{verb}: {from} to {to}";
        if (session.DryRun)
        {
            session.Line(line);
            return;
        }
        var progress = session.Display.Start($"{from} → {to}", size ?? 0);
        try
        {
            if (from.IsRemote && to.IsRemote)
            {
                await BetweenStoresAsync(session, from, to, size, head, progress, cancellationToken).ConfigureAwait(false);
            }
            else if (from.IsRemote)
            {
                var download = await session.Store(from, isSource: true).GetAsync(from.Container, from.Path, null, cancellationToken).ConfigureAwait(false);
                await using (download.ConfigureAwait(false))
                {
                    var content = new ProgressStream(download.Content, size ?? download.Info.Size, progress);
                    await using (content.ConfigureAwait(false))
                    {
                        await WriteAsync(to, content, download.Info.LastModified ?? lastModified, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            else
            {
                var content = new ProgressStream(OpenRead(from), size, progress);
                await using (content.ConfigureAwait(false))
                {
                    if (to.IsRemote)
                    {
                        var options = Options(session, ContentTypes.Guess(from.Path), size);
                        await session.Store(to).PutAsync(to.Container, to.Path, content, options, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await WriteAsync(to, content, from.IsStandardStream ? null : File.GetLastWriteTimeUtc(from.Path), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or UsageException))
        {
            session.Fail($"{verb} failed: {from} to {to}", e);
            return;
        }
        finally
        {
            session.Display.Finish(progress);
        }
        if (!to.IsStandardStream)
        {
            session.Line(line);
        }
    }

    /// <summary>
    /// Within one store, a server-side copy; across stores, the download streamed into the upload, with the source's
    /// content type and metadata and (when known) its length.
    /// </summary>
    private static async Task BetweenStoresAsync(StorageSession session, Location from, Location to, long? size, ObjectInfo? head, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var source = session.Store(from, isSource: true);
        var target = session.Store(to);
        if (ReferenceEquals(source, target))
        {
            await target.CopyAsync(from.Container, from.Path, to.Container, to.Path, cancellationToken).ConfigureAwait(false);
            return;
        }
        var download = await source.GetAsync(from.Container, from.Path, null, cancellationToken).ConfigureAwait(false);
        await using (download.ConfigureAwait(false))
        {
            var info = download.Info;
            var length = size ?? info.Size;
            var options = Options(session, info.ContentType ?? head?.ContentType, length);
            foreach (var (name, value) in info.Metadata.Count > 0 || head is null ? info.Metadata : head.Metadata)
            {
                options.Metadata[name] = value;
            }
            var content = new ProgressStream(download.Content, length, progress);
            await using (content.ConfigureAwait(false))
            {
                await target.PutAsync(to.Container, to.Path, content, options, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static PutOptions Options(StorageSession session, string? contentType, long? length)
    {
        var options = new PutOptions { ContentType = contentType, Length = length, PartSize = session.PartSize };
        if (session.PartConcurrency is { } concurrency)
        {
            options.Concurrency = concurrency;
        }
        return options;
    }

    private static Stream OpenRead(Location from) =>
        from.IsStandardStream
            ? Console.OpenStandardInput()
            : new FileStream(from.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Writes a file (a partial one is removed on failure) or standard output.</summary>
    private static async Task WriteAsync(Location to, Stream content, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        if (to.IsStandardStream)
        {
            var stdout = Console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                await content.CopyToAsync(stdout, BufferSize, cancellationToken).ConfigureAwait(false);
                await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(to.Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        try
        {
            var file = new FileStream(to.Path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // Half a file is worse than none: a later sync would take it for a copy.
            File.Delete(to.Path);
            throw;
        }
        if (lastModified is { } time && time != DateTimeOffset.MinValue)
        {
            File.SetLastWriteTimeUtc(to.Path, time.UtcDateTime);
        }
    }
}
