using System.CommandLine;
using System.Text.Json.Nodes;
using Stratus.Transfer;

namespace Stratus.Cli.S3;

/// <summary><c>mb</c>, <c>rb</c>, <c>rm</c> and <c>presign</c>.</summary>
internal static class BucketCommands
{
    public static S3Verb MakeBucket()
    {
        var path = new Argument<string>("path") { Description = "s3://bucket" };
        var command = new Command("mb", "Create a bucket.") { path };
        return new S3Verb(command, async (parse, session, ct) =>
        {
            var place = Bucket(parse.GetValue(path)!);
            var input = new JsonObject { ["Bucket"] = place.Bucket };
            if (session.Region is { Length: > 0 } region && region != "us-east-1")
            {
                input["CreateBucketConfiguration"] = new JsonObject { ["LocationConstraint"] = region };
            }
            await session.Client.CallAsync("CreateBucket", input, ct).ConfigureAwait(false);
            session.Line($"make_bucket: {place.Bucket}");
            return 0;
        });
    }

    public static S3Verb RemoveBucket()
    {
        var path = new Argument<string>("path") { Description = "s3://bucket" };
        var force = new Option<bool>("--force") { Description = "Delete every object first." };
        var command = new Command("rb", "Delete an empty bucket (or, with --force, any bucket).") { path }.With(force);
        return new S3Verb(command, async (parse, session, ct) =>
        {
            var place = Bucket(parse.GetValue(path)!);
            if (parse.GetValue(force))
            {
                await RemoveAllAsync(session, place, PathFilter.None, ct).ConfigureAwait(false);
                if (session.Failed)
                {
                    return session.ExitCode;
                }
            }
            await session.Client.CallAsync("DeleteBucket", new JsonObject { ["Bucket"] = place.Bucket }, ct).ConfigureAwait(false);
            session.Line($"remove_bucket: {place.Bucket}");
            return 0;
        });
    }

    public static S3Verb Remove()
    {
        var path = new Argument<string>("path") { Description = "s3://bucket/key, or a prefix with --recursive" };
        var recursive = S3Options.Recursive();
        var command = new Command("rm", "Delete an object, or every object under a prefix.") { path }
            .With([recursive, S3Options.DryRun(), S3Options.Quiet(), S3Options.OnlyShowErrors(), .. S3Options.Filters()]);
        return new S3Verb(command, async (parse, session, ct) =>
        {
            var place = Place.Parse(parse.GetValue(path)!);
            if (!place.IsS3)
            {
                throw new Commands.UsageException($"rm: expected an S3 URL (s3://bucket/key), got '{place.Path}'");
            }
            if (parse.GetValue(recursive))
            {
                await RemoveAllAsync(session, place, session.Filter, ct).ConfigureAwait(false);
            }
            else
            {
                await session.DeleteAsync(place, ct).ConfigureAwait(false);
            }
            return session.ExitCode;
        });
    }

    public static S3Verb Presign()
    {
        var path = new Argument<string>("path") { Description = "s3://bucket/key" };
        var expires = new Option<int>("--expires-in") { Description = "Seconds until the URL expires (at most 604800).", DefaultValueFactory = _ => 3600 };
        var command = new Command("presign", "Print a presigned URL to GET an object.") { path }.With(expires);
        return new S3Verb(command, (parse, session, ct) =>
        {
            var place = Place.Parse(parse.GetValue(path)!);
            var seconds = parse.GetValue(expires);
            if (!place.IsS3 || place.Path.Length == 0)
            {
                throw new Commands.UsageException($"presign: expected s3://bucket/key, got '{parse.GetValue(path)}'");
            }
            if (seconds <= 0 || TimeSpan.FromSeconds(seconds) > Presigner.MaxExpiry)
            {
                throw new Commands.UsageException("argument --expires-in: must be between 1 and 604800 seconds");
            }
            var request = new Presigner(session.Client).PresignGetObject(place.Bucket!, place.Path, TimeSpan.FromSeconds(seconds));
            session.Stdout.Write(request.Url.AbsoluteUri + "\n");
            return Task.FromResult(0);
        });
    }

    /// <summary>Deletes every object under the prefix that passes the filter.</summary>
    public static async Task RemoveAllAsync(S3Session session, Place prefix, PathFilter filter, CancellationToken ct)
    {
        var directory = prefix.AsDirectory();
        var targets = new List<Place>();
        await foreach (var page in session.Client.PaginateAsync("ListObjectsV2", Listing.PrefixInput(directory), ct).ConfigureAwait(false))
        {
            foreach (var item in Listing.Contents(page))
            {
                var key = Listing.Text(item["Key"]);
                if (filter.Includes(key[directory.Path.Length..]))
                {
                    targets.Add(directory with { Path = key });
                }
            }
        }
        await Copier.ForEachAsync(targets, async (t, c) => await session.DeleteAsync(t, c).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private static Place Bucket(string text)
    {
        var place = Place.Parse(text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? text : "s3://" + text);
        return place;
    }
}
