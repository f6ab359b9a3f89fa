using System.Text.Json.Nodes;
using Stratus.Transfer;

namespace Stratus.Cli.S3;

/// <summary>Copies (or moves) one file or object: uploads and downloads through the transfer manager, S3 to S3 with CopyObject.</summary>
internal static class Copier
{
    /// <summary>How many transfers run at once in a recursive copy or a sync.</summary>
    public const int Concurrency = 4;

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/>; <paramref name="lastModified"/> is given to a downloaded file.</summary>
    public static async Task CopyAsync(S3Session session, Place from, Place to, long size, DateTimeOffset? lastModified, bool move, CancellationToken cancellationToken)
    {
        var verb = move ? "move" : from.IsS3 && to.IsS3 ? "copy" : from.IsS3 ? "download" : "upload";
        var line = $"{session.Prefix}{verb}: {from} to {to}";
        if (session.DryRun)
        {
            session.Line(line);
            return;
        }
        var progress = session.Display.Start($"{from} → {to}", size);
        try
        {
            if (!from.IsS3)
            {
                await session.Transfers.UploadFileAsync(from.Path, to.Bucket!, to.Path, new UploadOptions { Progress = progress }, cancellationToken).ConfigureAwait(false);
            }
            else if (!to.IsS3)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(to.Path));
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
                await session.Transfers.DownloadFileAsync(from.Bucket!, from.Path, to.Path, new DownloadOptions { Progress = progress, Resume = false }, cancellationToken).ConfigureAwait(false);
                if (lastModified is { } time && time != DateTimeOffset.MinValue)
                {
                    File.SetLastWriteTimeUtc(to.Path, time.UtcDateTime);
                }
            }
            else
            {
                var source = from.Bucket + "/" + string.Join('/', from.Path.Split('/').Select(Uri.EscapeDataString));
                await session.Client.CallAsync("CopyObject", new JsonObject { ["Bucket"] = to.Bucket, ["Key"] = to.Path, ["CopySource"] = source }, cancellationToken).ConfigureAwait(false);
            }
            if (move)
            {
                if (from.IsS3)
                {
                    await session.Client.CallAsync("DeleteObject", new JsonObject { ["Bucket"] = from.Bucket, ["Key"] = from.Path }, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    File.Delete(from.Path);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            session.Fail($"{verb} failed: {from} to {to}", e);
            return;
        }
        finally
        {
            session.Display.Finish(progress);
        }
        session.Line(line);
    }

    /// <summary>Runs <paramref name="work"/> for each item, a few at a time.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> work, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, work);

    /// <summary>The source's entries that pass the filter: the files under a directory or the objects under a prefix.</summary>
    public static async Task<List<Entry>> ListAsync(S3Session session, Place directory, PathFilter filter, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        if (directory.IsS3)
        {
            await foreach (var e in Listing.ObjectsAsync(session.Client, directory.Bucket!, directory.AsDirectory().Path, cancellationToken).ConfigureAwait(false))
            {
                entries.Add(e);
            }
        }
        else
        {
            entries.AddRange(Listing.Local(directory.Path));
        }
        return entries.Where(e => filter.Includes(e.Relative)).ToList();
    }
}
