using System.CommandLine;
using System.Globalization;
using Stratus.Cli.Commands;
using Stratus.Cli.S3;
using Stratus.Storage;

namespace Stratus.Cli.Storage;

/// <summary>
/// <c>stratus storage ls scheme://[container[/prefix]]</c>: a provider's containers, or the objects and rolled-up
/// prefixes (<c>PRE</c>) under a prefix, in the columns of <c>aws s3 ls</c>.
/// </summary>
internal static class ListVerb
{
    private static readonly string NoDate = new(' ', 19);

    public static StorageVerb Create(VerbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = new Argument<string?>("url") { Arity = ArgumentArity.ZeroOrOne, Description = "scheme:// (the containers) or scheme://container[/prefix]" };
        var human = new Option<bool>("--human-readable") { Description = "Sizes in KiB, MiB, ..." };
        var summarize = new Option<bool>("--summarize") { Description = "Print the number of objects and their total size at the end." };
        var command = new Command("ls", "List a provider's containers, or the objects and prefixes under a prefix.") { url }.With(options.Recursive, human, summarize);
        return new StorageVerb(command, async (parse, session, ct) =>
        {
            var text = parse.GetValue(url);
            if (string.IsNullOrEmpty(text))
            {
                throw new UsageException("ls: expected a URL: scheme:// lists the containers, scheme://container[/prefix] the objects (s3://, swift://, az://)");
            }
            var at = Location.Parse(text);
            if (!at.IsRemote)
            {
                throw new UsageException($"ls: expected a provider URL (s3://, swift://, az://), got '{text}'");
            }
            var store = session.Store(at);
            if (at.Container.Length == 0)
            {
                await foreach (var container in store.ListContainersAsync(ct).ConfigureAwait(false))
                {
                    session.Line($"{(container.Created is { } created ? LsCommand.Date(created) : NoDate)} {container.Name}");
                }
                return 0;
            }
            return await ListObjectsAsync(session, store, at, parse.GetValue(options.Recursive), parse.GetValue(human), parse.GetValue(summarize), ct).ConfigureAwait(false);
        });
    }

    private static async Task<int> ListObjectsAsync(StorageSession session, ObjectStore store, Location at, bool recursive, bool human, bool summarize, CancellationToken ct)
    {
        var options = new ListOptions { Prefix = at.Path.Length == 0 ? null : at.Path, Delimiter = recursive ? null : "/" };
        long objects = 0, bytes = 0;
        var found = false;
        await foreach (var entry in store.ListAsync(at.Container, options, ct).ConfigureAwait(false))
        {
            found = true;
            if (entry.Object is not { } item)
            {
                var parts = entry.Key.Split('/');
                session.Line($"{"PRE",30} {(parts.Length > 1 ? parts[^2] : entry.Key)}/");
                continue;
            }
            var name = recursive ? entry.Key : entry.Key.Split('/')[^1];
            var size = human ? LsCommand.HumanSize(item.Size) : item.Size.ToString(CultureInfo.InvariantCulture);
            session.Line($"{(item.LastModified is { } modified ? LsCommand.Date(modified) : NoDate)} {size,10} {name}");
            objects++;
            bytes += item.Size;
        }
        if (summarize)
        {
            session.Line($"\nTotal Objects: {objects}\n   Total Size: {(human ? LsCommand.HumanSize(bytes) : bytes.ToString(CultureInfo.InvariantCulture))}");
        }
        // As aws s3 ls: nothing under a given prefix is exit code 1.
        return found || at.Path.Length == 0 ? 0 : 1;
    }
}
