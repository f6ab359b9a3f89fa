using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Stratus.Cli.S3;

/// <summary><c>stratus s3 ls [s3://bucket[/prefix]]</c>: buckets, or objects and common prefixes (<c>PRE</c>), as the AWS CLI prints them.</summary>
internal static class LsCommand
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    public static S3Verb Create()
    {
        var path = new Argument<string?>("path") { Arity = ArgumentArity.ZeroOrOne, Description = "s3://bucket[/prefix]; none lists the buckets." };
        var recursive = S3Options.Recursive();
        var human = new Option<bool>("--human-readable") { Description = "Sizes in KiB, MiB, ..." };
        var summarize = new Option<bool>("--summarize") { Description = "Print the number of objects and their total size at the end." };
        var command = new Command("ls", "List buckets, or the objects and common prefixes under a prefix.") { path }.With(recursive, human, summarize);
        return new S3Verb(command, async (parse, session, ct) =>
        {
            var text = parse.GetValue(path);
            if (string.IsNullOrEmpty(text) || text is "s3://")
            {
                await ListBucketsAsync(session, ct).ConfigureAwait(false);
                return 0;
            }
            var place = Place.Parse(text);
            if (!place.IsS3)
            {
                throw new Commands.UsageException($"ls: expected an S3 URL (s3://bucket[/prefix]), got '{text}'");
            }
            return await ListObjectsAsync(session, place, parse.GetValue(recursive), parse.GetValue(human), parse.GetValue(summarize), ct).ConfigureAwait(false);
        });
    }

    private static async Task ListBucketsAsync(S3Session session, CancellationToken ct)
    {
        var page = await session.Client.CallAsync("ListBuckets", [], ct).ConfigureAwait(false);
        foreach (var bucket in Listing.Items(page, "Buckets"))
        {
            session.Line($"{Date(Listing.Time(bucket["CreationDate"]))} {Listing.Text(bucket["Name"])}");
        }
    }

    private static async Task<int> ListObjectsAsync(S3Session session, Place place, bool recursive, bool human, bool summarize, CancellationToken ct)
    {
        var input = new JsonObject { ["Bucket"] = place.Bucket };
        if (place.Path.Length > 0)
        {
            input["Prefix"] = place.Path;
        }
        if (!recursive)
        {
            input["Delimiter"] = "/";
        }
        long objects = 0, bytes = 0;
        var found = false;
        await foreach (var page in session.Client.PaginateAsync("ListObjectsV2", input, ct).ConfigureAwait(false))
        {
            foreach (var prefix in Listing.Items(page, "CommonPrefixes"))
            {
                var parts = Listing.Text(prefix["Prefix"]).Split('/');
                session.Line($"{"PRE",30} {parts[^2]}/");
                found = true;
            }
            foreach (var item in Listing.Contents(page))
            {
                var key = Listing.Text(item["Key"]);
                var size = Listing.Long(item["Size"]);
                var name = recursive ? key : key.Split('/')[^1];
                session.Line($"{Date(Listing.Time(item["LastModified"]))} {(human ? HumanSize(size) : size.ToString(CultureInfo.InvariantCulture)),10} {name}");
                objects++;
                bytes += size;
                found = true;
            }
        }
        if (summarize)
        {
            session.Line($"\nTotal Objects: {objects}\n   Total Size: {(human ? HumanSize(bytes) : bytes.ToString(CultureInfo.InvariantCulture))}");
        }
        // As the AWS CLI: nothing under a given prefix is exit code 1.
        return found || place.Path.Length == 0 ? 0 : 1;
    }

    /// <summary>The AWS CLI's date column: local time, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string Date(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Sizes as the AWS CLI's <c>--human-readable</c>: <c>1 Byte</c>, <c>10 Bytes</c>, <c>1.5 KiB</c>.</summary>
    public static string HumanSize(long value)
    {
        if (value == 1)
        {
            return "1 Byte";
        }
        if (value < 1024)
        {
            return value.ToString(CultureInfo.InvariantCulture) + " Bytes";
        }
        double unit = 1024;
        foreach (var suffix in Units)
        {
            unit *= 1024;
            if (Math.Round(value / unit * 1024) < 1024 || suffix == Units[^1])
            {
                return (1024 * value / unit).ToString("0.0", CultureInfo.InvariantCulture) + " " + suffix;
            }
        }
        return value.ToString(CultureInfo.InvariantCulture);
    }
}
