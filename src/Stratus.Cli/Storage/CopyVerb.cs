using System.CommandLine;
using Stratus.Cli.Commands;
using Stratus.Cli.S3;
using Stratus.Storage;

namespace Stratus.Cli.Storage;

/// <summary>
/// <c>stratus storage cp SOURCE DEST [--recursive]</c>: any combination of local paths and providers; across
/// providers the data streams from one to the other without a temporary file.
/// </summary>
internal static class CopyVerb
{
    public static StorageVerb Create(VerbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = new Argument<string>("source") { Description = "scheme://container/key, a local path, file:///path, or - (standard input)" };
        var destination = new Argument<string>("destination") { Description = "scheme://container/key, a local path, file:///path, or - (standard output)" };
        var command = new Command("cp", "Copy a file or object, or (--recursive) everything under a directory or prefix, between any two places.") { source, destination }
            .With([options.Recursive, options.PartSize, options.PartConcurrency, .. options.Bulk()]);
        return new StorageVerb(command, async (parse, session, ct) =>
        {
            var (from, to) = Places(parse.GetValue(source)!, parse.GetValue(destination)!);
            if (parse.GetValue(options.Recursive))
            {
                if (from.IsStandardStream || to.IsStandardStream)
                {
                    throw new UsageException("cp: - (standard input or output) copies one object, not --recursive");
                }
                if (!from.IsRemote && !Directory.Exists(from.Path))
                {
                    throw new IOException($"The user-provided path {from.Path} does not exist.");
                }
                Open(session, from, to);
                var entries = await Tree.ListAsync(session, from, isSource: true, ct).ConfigureAwait(false);
                await CopyAllAsync(session, from, to, entries, ct).ConfigureAwait(false);
                return session.ExitCode;
            }
            await CopyOneAsync(session, from, to, ct).ConfigureAwait(false);
            return session.ExitCode;
        }, TwoSides: true, ShowsProgress: true);
    }

    /// <summary>The source and the destination; a provider URL must name a container.</summary>
    public static (Location From, Location To) Places(string source, string destination)
    {
        var from = Location.Parse(source);
        var to = Location.Parse(destination);
        foreach (var at in new[] { from, to })
        {
            if (at.IsRemote && at.Container.Length == 0)
            {
                throw new UsageException($"{at} names no container: expected {at.Scheme}://container[/key]");
            }
        }
        return (from, to);
    }

    /// <summary>
    /// Copies each entry under <paramref name="from"/> to the same relative place under <paramref name="to"/>, a few at a
    /// time. A key that would land outside a local destination directory (<c>../x</c>) is refused, not written.
    /// </summary>
    public static Task CopyAllAsync(StorageSession session, Location from, Location to, IEnumerable<Entry> entries, CancellationToken ct) =>
        session.ForEachAsync(entries, async (e, c) =>
        {
            if (!to.IsRemote && !StaysInside(e.Relative))
            {
                session.Fail($"download failed: {from.Child(e.Relative)} to {to}", new IOException($"the key leads outside the destination directory {to}; not written"));
                return;
            }
            await ObjectCopier.CopyAsync(session, from.Child(e.Relative), to.Child(e.Relative), e.Size, e.LastModified, c).ConfigureAwait(false);
        }, ct);

    /// <summary>Whether a relative key, taken as a path, stays under its directory: not rooted, no <c>..</c> segment.</summary>
    public static bool StaysInside(string relative) =>
        !Path.IsPathRooted(relative) && !relative.StartsWith('/') && !relative.Split('/', '\\').Contains("..");

    /// <summary>Opens the stores up front, so that an unknown scheme or missing credentials fail once, before any transfer.</summary>
    public static void Open(StorageSession session, Location from, Location to)
    {
        if (from.IsRemote)
        {
            session.Store(from, isSource: true);
        }
        if (to.IsRemote)
        {
            session.Store(to);
        }
    }

    private static async Task CopyOneAsync(StorageSession session, Location from, Location to, CancellationToken ct)
    {
        if (!from.IsStandardStream && !session.Filter.Includes(from.Name))
        {
            return;
        }
        Open(session, from, to);
        long? size = null;
        DateTimeOffset? modified = null;
        ObjectInfo? head = null;
        if (from.IsRemote)
        {
            if (from.Path.Length == 0 || from.Path.EndsWith('/'))
            {
                throw new UsageException($"{from} is a prefix, not an object: use --recursive to copy everything under it");
            }
            head = await session.Store(from, isSource: true).HeadAsync(from.Container, from.Path, ct).ConfigureAwait(false)
                ?? throw new StorageException(StorageErrorKind.NotFound, $"{from} does not exist (a prefix needs --recursive)") { Container = from.Container, Key = from.Path };
            size = head.Size;
            modified = head.LastModified;
        }
        else if (!from.IsStandardStream)
        {
            var file = new FileInfo(from.Path);
            if (!file.Exists)
            {
                throw new IOException(Directory.Exists(from.Path)
                    ? $"{from.Path} is a directory: use --recursive to copy everything under it"
                    : $"The user-provided path {from.Path} does not exist.");
            }
            size = file.Length;
        }
        if (!to.IsStandardStream && to.IsDirectoryLike)
        {
            if (from.IsStandardStream)
            {
                throw new UsageException($"cp: copying standard input needs a destination name, not the directory or prefix {to}");
            }
            to = to.Child(from.Name);
        }
        await ObjectCopier.CopyAsync(session, from, to, size, modified, ct, head).ConfigureAwait(false);
    }
}
