using System.Text;
using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;

// Strings here are the S3 model's member names, not names of this code's properties.
#pragma warning disable CA1507

namespace Stratus.Testing.Services.S3;

public sealed partial class S3Service
{
    private JsonObject CreateBucket(MockCallContext context, JsonObject input)
    {
        var name = S3Input.Required(input, "Bucket");
        if (!S3BucketNames.IsValid(name))
        {
            throw S3Errors.InvalidBucketName(name);
        }
        var constraint = input["CreateBucketConfiguration"] is JsonObject config ? S3Input.String(config, "LocationConstraint") : null;
        var region = BucketRegion(string.IsNullOrEmpty(context.Region) ? DefaultRegion : context.Region, constraint);
        lock (_gate)
        {
            if (_buckets.TryGetValue(name, out var existing))
            {
                if (existing.Owner != context.Account.AccountId)
                {
                    throw S3Errors.BucketAlreadyExists(name);
                }
                // us-east-1 keeps its legacy answer: creating a bucket you own there again succeeds.
                if (existing.Region != DefaultRegion || region != DefaultRegion)
                {
                    throw S3Errors.BucketAlreadyOwnedByYou(name);
                }
            }
            else
            {
                _buckets[name] = new S3Bucket(name, context.Account.AccountId, region, constraint, Seconds(context.Now));
                Changed();
            }
        }
        return new JsonObject { ["Location"] = "/" + name };
    }

    private JsonObject HeadBucket(MockCallContext context, JsonObject input)
    {
        lock (_gate)
        {
            var bucket = Bucket(input);
            return new JsonObject { ["BucketRegion"] = bucket.Region, ["AccessPointAlias"] = false };
        }
    }

    private JsonObject DeleteBucket(MockCallContext context, JsonObject input)
    {
        List<string> blobs;
        lock (_gate)
        {
            var bucket = Bucket(input);
            if (bucket.Objects.Count > 0)
            {
                throw S3Errors.BucketNotEmpty(bucket.Name);
            }
            blobs = [.. bucket.Uploads.Values.SelectMany(u => u.Parts.Values).Select(p => p.BlobId)];
            _buckets.Remove(bucket.Name);
            Changed();
        }
        blobs.ForEach(id => DeleteBlob(context, id));
        return [];
    }

    private JsonObject ListBuckets(MockCallContext context, JsonObject input)
    {
        var prefix = S3Input.String(input, "Prefix");
        var region = S3Input.String(input, "BucketRegion");
        var max = S3Input.Int64(input, "MaxBuckets");
        if (max is < 1 or > 10_000)
        {
            throw S3Errors.InvalidArgument("Argument max-buckets must be an integer between 1 and 10000", "max-buckets", max.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var after = S3Input.String(input, "ContinuationToken") is { } token ? DecodeToken(token, "continuation-token") : null;
        List<S3Bucket> selected;
        lock (_gate)
        {
            selected = [.. _buckets.Values
                .Where(b => b.Owner == context.Account.AccountId)
                .Where(b => prefix is null || b.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Where(b => region is null || b.Region == region)
                .Where(b => after is null || string.CompareOrdinal(b.Name, after) > 0)
                .OrderBy(b => b.Name, StringComparer.Ordinal)];
        }
        var page = max is { } m && selected.Count > m ? selected[..(int)m] : selected;
        var output = new JsonObject
        {
            ["Buckets"] = new JsonArray([.. page.Select(b => (JsonNode)new JsonObject
            {
                ["Name"] = b.Name,
                ["CreationDate"] = NativeValues.Timestamp(b.Created),
                ["BucketRegion"] = b.Region,
            })]),
            ["Owner"] = OwnerJson(context.Account.AccountId),
        };
        if (prefix is not null)
        {
            output["Prefix"] = prefix;
        }
        if (page.Count < selected.Count)
        {
            output["ContinuationToken"] = EncodeToken(page[^1].Name);
        }
        return output;
    }

    private JsonObject GetBucketLocation(MockCallContext context, JsonObject input)
    {
        lock (_gate)
        {
            var bucket = Bucket(input);
            var output = new JsonObject();
            if (bucket.LocationConstraint is not null)
            {
                output["LocationConstraint"] = bucket.LocationConstraint;
            }
            return output;
        }
    }

    /// <summary>
    /// The region a bucket is created in, as S3 decides it: the location constraint (<c>EU</c> is eu-west-1), or
    /// us-east-1 without one. A regional endpoint other than us-east-1 only creates buckets in its own region, and
    /// us-east-1 is never named as a constraint.
    /// </summary>
    private static string BucketRegion(string requestRegion, string? constraint)
    {
        if (constraint is null)
        {
            return requestRegion == DefaultRegion ? DefaultRegion : throw S3Errors.IllegalLocationConstraint(null);
        }
        var region = constraint == "EU" ? "eu-west-1" : constraint;
        if (region == DefaultRegion || !LooksLikeRegion(region))
        {
            throw S3Errors.InvalidLocationConstraint(constraint);
        }
        return requestRegion == DefaultRegion || requestRegion == region ? region : throw S3Errors.IllegalLocationConstraint(constraint);
    }

    private static bool LooksLikeRegion(string region)
    {
        var parts = region.Split('-');
        return parts.Length >= 3
            && parts[..^1].All(p => p.Length > 0 && p.All(char.IsAsciiLetterLower))
            && parts[^1].Length > 0 && parts[^1].All(char.IsAsciiDigit);
    }

    /// <summary>An opaque continuation token for a position (the last name or key returned).</summary>
    private static string EncodeToken(string last) => Convert.ToBase64String(Encoding.UTF8.GetBytes("s3:" + last));

    private static string DecodeToken(string token, string argumentName)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("s3:", StringComparison.Ordinal))
            {
                return text[3..];
            }
        }
        catch (FormatException)
        {
        }
        throw S3Errors.InvalidArgument("The continuation token provided is incorrect", argumentName, token);
    }

    /// <summary>A time as S3 keeps it, to the second.</summary>
    private static DateTimeOffset Seconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
