using System.CommandLine;
using Stratus.Cli.Commands;
using Stratus.Cli.S3;

namespace Stratus.Cli.Storage;

/// <summary><c>mb</c> and <c>rb</c>: create and delete a container (a bucket).</summary>
internal static class ContainerVerbs
{
    public static StorageVerb MakeContainer(VerbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = new Argument<string>("url") { Description = "scheme://container" };
        var command = new Command("mb", "Create a container (an existing one of yours is not an error).") { url }.With(options.Quiet, options.OnlyShowErrors);
        return new StorageVerb(command, async (parse, session, ct) =>
        {
            var at = Container(parse.GetValue(url)!);
            await session.Store(at).CreateContainerAsync(at.Container, ct).ConfigureAwait(false);
            session.Line($"make_container: {at}");
            return 0;
        });
    }

    public static StorageVerb RemoveContainer(VerbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = new Argument<string>("url") { Description = "scheme://container" };
        var force = new Option<bool>("--force") { Description = "Delete every object in it first." };
        var command = new Command("rb", "Delete an empty container (or, with --force, any container).") { url }.With(force, options.Quiet, options.OnlyShowErrors);
        return new StorageVerb(command, async (parse, session, ct) =>
        {
            var at = Container(parse.GetValue(url)!);
            if (parse.GetValue(force))
            {
                await RemoveVerb.RemoveAllAsync(session, at, ct).ConfigureAwait(false);
                if (session.Failed)
                {
                    return session.ExitCode;
                }
            }
            await session.Store(at).DeleteContainerAsync(at.Container, ct).ConfigureAwait(false);
            session.Line($"remove_container: {at}");
            return 0;
        });
    }

    private static Location Container(string text)
    {
        var at = Location.Parse(text);
        return at.IsRemote && at.Container.Length > 0 && at.Path.TrimEnd('/').Length == 0
            ? at
            : throw new UsageException($"expected scheme://container, got '{text}'");
    }
}
