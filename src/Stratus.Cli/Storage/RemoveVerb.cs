using System.CommandLine;
using Stratus.Cli.Commands;
using Stratus.Cli.S3;

namespace Stratus.Cli.Storage;

/// <summary><c>stratus storage rm scheme://container/key</c>, or every object under a prefix with <c>--recursive</c>.</summary>
internal static class RemoveVerb
{
    public static StorageVerb Create(VerbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = new Argument<string>("url") { Description = "scheme://container/key, or a prefix with --recursive" };
        var command = new Command("rm", "Delete an object, or (--recursive) every object under a prefix.") { url }
            .With([options.Recursive, .. options.Bulk()]);
        return new StorageVerb(command, async (parse, session, ct) =>
        {
            var at = Location.Parse(parse.GetValue(url)!);
            if (!at.IsRemote || at.Container.Length == 0)
            {
                throw new UsageException($"rm: expected scheme://container/key, got '{parse.GetValue(url)}'");
            }
            if (!parse.GetValue(options.Recursive))
            {
                if (at.Path.Length == 0 || at.Path.EndsWith('/'))
                {
                    throw new UsageException($"rm: {at} is a prefix: use --recursive to delete everything under it");
                }
                await session.DeleteAsync(at, ct).ConfigureAwait(false);
                return session.ExitCode;
            }
            await RemoveAllAsync(session, at, ct).ConfigureAwait(false);
            return session.ExitCode;
        });
    }

    /// <summary>Deletes every object under the prefix that passes the filters.</summary>
    public static async Task RemoveAllAsync(StorageSession session, Location prefix, CancellationToken ct)
    {
        var directory = prefix.AsDirectory();
        var entries = await Tree.ListAsync(session, directory, isSource: false, ct).ConfigureAwait(false);
        await session.ForEachAsync(entries, async (e, c) => await session.DeleteAsync(directory.Child(e.Relative), c).ConfigureAwait(false), ct).ConfigureAwait(false);
    }
}
