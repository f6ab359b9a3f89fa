using System.CommandLine;
using Stratus.Cli.Commands;
using Stratus.Cli.S3;

namespace Stratus.Cli.Storage;

/// <summary>
/// <c>stratus storage sync SOURCE DEST [--delete]</c>: copies what is missing at the destination, differs in size,
/// or is newer at the source (to the second), between any two places; <c>--delete</c> removes what the source lacks.
/// </summary>
internal static class SyncVerb
{
    public static StorageVerb Create(VerbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = new Argument<string>("source") { Description = "scheme://container[/prefix] or a local directory" };
        var destination = new Argument<string>("destination") { Description = "scheme://container[/prefix] or a local directory" };
        var delete = new Option<bool>("--delete") { Description = "Delete files or objects at the destination that are not at the source." };
        var sizeOnly = new Option<bool>("--size-only") { Description = "Copy only when the sizes differ (not when the source is newer)." };
        var command = new Command("sync", "Make a directory or prefix like another: copy new and changed objects, optionally delete the others.") { source, destination }
            .With([delete, sizeOnly, options.PartSize, options.PartConcurrency, .. options.Bulk()]);
        return new StorageVerb(command, async (parse, session, ct) =>
        {
            var (from, to) = CopyVerb.Places(parse.GetValue(source)!, parse.GetValue(destination)!);
            if (from.IsStandardStream || to.IsStandardStream)
            {
                throw new UsageException("sync: - (standard input or output) is not a directory");
            }
            if (!from.IsRemote && !Directory.Exists(from.Path))
            {
                throw new IOException($"The user-provided path {from.Path} does not exist.");
            }
            CopyVerb.Open(session, from, to);
            var sources = await Tree.ListAsync(session, from, isSource: true, ct).ConfigureAwait(false);
            var targets = (await Tree.ListAsync(session, to, isSource: false, ct).ConfigureAwait(false)).ToDictionary(e => e.Relative, StringComparer.Ordinal);
            var bySize = parse.GetValue(sizeOnly);
            var changed = sources.Where(s => !targets.TryGetValue(s.Relative, out var t) || t.Size != s.Size || (!bySize && Seconds(s.LastModified) > Seconds(t.LastModified))).ToList();
            await CopyVerb.CopyAllAsync(session, from, to, changed, ct).ConfigureAwait(false);
            if (parse.GetValue(delete))
            {
                var kept = sources.Select(s => s.Relative).ToHashSet(StringComparer.Ordinal);
                var extra = targets.Keys.Where(k => !kept.Contains(k)).Order(StringComparer.Ordinal).ToList();
                await session.ForEachAsync(extra, async (k, c) => await session.DeleteAsync(to.Child(k), c).ConfigureAwait(false), ct).ConfigureAwait(false);
            }
            return session.ExitCode;
        }, TwoSides: true, ShowsProgress: true);
    }

    private static long Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds();
}
