using System.CommandLine;

namespace Stratus.Cli.S3;

/// <summary>
/// <c>stratus s3 sync SOURCE DEST [--delete]</c>: copies the files or objects that are missing at the destination,
/// differ in size, or are newer at the source (to the second); <c>--delete</c> removes what the source does not have.
/// </summary>
internal static class SyncCommand
{
    public static S3Verb Create()
    {
        var source = new Argument<string>("source") { Description = "A local directory or s3://bucket/prefix" };
        var destination = new Argument<string>("destination") { Description = "A local directory or s3://bucket/prefix" };
        var delete = new Option<bool>("--delete") { Description = "Delete files or objects at the destination that are not at the source." };
        var sizeOnly = new Option<bool>("--size-only") { Description = "Copy only when the sizes differ (not when the source is newer)." };
        var command = new Command("sync", "Make a directory or prefix like another: copy new and changed files, optionally delete the others.") { source, destination }
            .With([delete, sizeOnly, S3Options.DryRun(), S3Options.Quiet(), S3Options.OnlyShowErrors(), .. S3Options.Filters()]);
        return new S3Verb(command, async (parse, session, ct) =>
        {
            var (from, to) = CopyCommand.Places(parse.GetValue(source)!, parse.GetValue(destination)!);
            if (!from.IsS3 && !Directory.Exists(from.Path))
            {
                throw new IOException($"The user-provided path {from.Path} does not exist.");
            }
            var sources = await Copier.ListAsync(session, from, session.Filter, ct).ConfigureAwait(false);
            var targets = (await Copier.ListAsync(session, to, session.Filter, ct).ConfigureAwait(false)).ToDictionary(e => e.Relative, StringComparer.Ordinal);
            var bySize = parse.GetValue(sizeOnly);
            var changed = sources.Where(s => !targets.TryGetValue(s.Relative, out var t) || t.Size != s.Size || (!bySize && Seconds(s.LastModified) > Seconds(t.LastModified))).ToList();
            await Copier.ForEachAsync(changed, async (e, c) =>
                await Copier.CopyAsync(session, from.Child(e.Relative), to.Child(e.Relative), e.Size, e.LastModified, move: false, c).ConfigureAwait(false), ct).ConfigureAwait(false);
            if (parse.GetValue(delete))
            {
                var kept = sources.Select(s => s.Relative).ToHashSet(StringComparer.Ordinal);
                var extra = targets.Keys.Where(k => !kept.Contains(k)).Order(StringComparer.Ordinal).ToList();
                await Copier.ForEachAsync(extra, async (k, c) => await DeleteAsync(session, to.Child(k), c).ConfigureAwait(false), ct).ConfigureAwait(false);
            }
            return session.ExitCode;
        });
    }

    private static long Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds();

    private static async Task DeleteAsync(S3Session session, Place target, CancellationToken ct)
    {
        if (target.IsS3)
        {
            await session.DeleteAsync(target, ct).ConfigureAwait(false);
            return;
        }
        if (!session.DryRun)
        {
            File.Delete(target.Path);
        }
        session.Line($"{session.Prefix}delete: {target}");
    }
}
