using System.CommandLine;
using System.Text.Json.Nodes;

namespace Stratus.Cli.S3;

/// <summary><c>stratus s3 cp|mv SOURCE DEST [--recursive]</c>: local to S3, S3 to local, S3 to S3.</summary>
internal static class CopyCommand
{
    public static S3Verb Create(bool move)
    {
        var source = new Argument<string>("source") { Description = "A local path or s3://bucket/key" };
        var destination = new Argument<string>("destination") { Description = "A local path or s3://bucket/key" };
        var recursive = S3Options.Recursive();
        var command = new Command(move ? "mv" : "cp", move ? "Move a file or object, or (--recursive) everything under a directory or prefix." : "Copy a file or object, or (--recursive) everything under a directory or prefix.") { source, destination }
            .With([recursive, S3Options.DryRun(), S3Options.Quiet(), S3Options.OnlyShowErrors(), .. S3Options.Filters()]);
        return new S3Verb(command, async (parse, session, ct) =>
        {
            var (from, to) = Places(parse.GetValue(source)!, parse.GetValue(destination)!);
            if (parse.GetValue(recursive))
            {
                var entries = await Copier.ListAsync(session, from, session.Filter, ct).ConfigureAwait(false);
                await Copier.ForEachAsync(entries, async (e, c) =>
                    await Copier.CopyAsync(session, from.Child(e.Relative), to.Child(e.Relative), e.Size, e.LastModified, move, c).ConfigureAwait(false), ct).ConfigureAwait(false);
                return session.ExitCode;
            }
            await CopyOneAsync(session, from, to, move, ct).ConfigureAwait(false);
            return session.ExitCode;
        });
    }

    /// <summary>The source and the destination; at least one must be in S3.</summary>
    public static (Place From, Place To) Places(string source, string destination)
    {
        var from = Place.Parse(source);
        var to = Place.Parse(destination);
        if (!from.IsS3 && !to.IsS3)
        {
            throw new Commands.UsageException($"Invalid argument type: at least one of '{source}' and '{destination}' must be an S3 URL (s3://bucket/key)");
        }
        return (from, to);
    }

    private static async Task CopyOneAsync(S3Session session, Place from, Place to, bool move, CancellationToken ct)
    {
        if (!session.Filter.Includes(from.Name))
        {
            return;
        }
        long size;
        DateTimeOffset? modified = null;
        if (from.IsS3)
        {
            if (from.Path.Length == 0 || from.Path.EndsWith('/'))
            {
                throw new Commands.UsageException($"{from} is a prefix, not an object: use --recursive to copy everything under it");
            }
            var head = await session.Client.CallAsync("HeadObject", new JsonObject { ["Bucket"] = from.Bucket, ["Key"] = from.Path }, ct).ConfigureAwait(false);
            size = Listing.Long(head["ContentLength"]);
            modified = Listing.Time(head["LastModified"]);
        }
        else
        {
            var file = new FileInfo(from.Path);
            if (!file.Exists)
            {
                throw new IOException($"The user-provided path {from.Path} does not exist.");
            }
            size = file.Length;
        }
        if (to.IsS3 ? to.Path.Length == 0 || to.Path.EndsWith('/') : to.Path.EndsWith('/') || Directory.Exists(to.Path))
        {
            to = to.Child(from.Name);
        }
        await Copier.CopyAsync(session, from, to, size, modified, move, ct).ConfigureAwait(false);
    }
}
