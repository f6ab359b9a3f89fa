using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.S3;

/// <summary>S3's conditional requests: reads (304/412), copy sources (412) and conditional writes.</summary>
internal static class S3Conditions
{
    /// <summary>
    /// GET and HEAD: a failed If-Match, or (without If-Match) If-Unmodified-Since, is 412; a matching If-None-Match, or
    /// (without If-None-Match) an unmet If-Modified-Since, is 304 (RFC 7232's order, as S3 documents).
    /// </summary>
    public static void CheckRead(JsonObject input, S3Object obj, DateTimeOffset now) =>
        Check(input, obj, now, "", "If-Match", "If-Unmodified-Since", notModified: S3Errors.NotModified);

    /// <summary>CopyObject's source conditions; every failure is 412.</summary>
    public static void CheckCopySource(JsonObject input, S3Object obj, DateTimeOffset now) =>
        Check(input, obj, now, "CopySource", "x-amz-copy-source-If-Match", "x-amz-copy-source-If-Unmodified-Since",
            notModified: () => S3Errors.PreconditionFailed(S3Input.String(input, "CopySourceIfNoneMatch") is not null ? "x-amz-copy-source-If-None-Match" : "x-amz-copy-source-If-Modified-Since"));

    /// <summary>
    /// Conditional writes: If-None-Match <c>*</c> fails (412) when the key exists; If-Match needs the key (404) with a matching ETag (412).
    /// </summary>
    public static void CheckWrite(JsonObject input, S3Object? existing, string key)
    {
        if (S3Input.String(input, "IfNoneMatch") is { } none)
        {
            if (none.Trim() != "*")
            {
                throw S3Errors.NotImplemented("If-None-Match");
            }
            if (existing is not null)
            {
                throw S3Errors.PreconditionFailed("If-None-Match");
            }
        }
        if (S3Input.String(input, "IfMatch") is { } match)
        {
            if (existing is null)
            {
                throw S3Errors.NoSuchKey(key);
            }
            if (!ETagMatches(match, existing.ETag))
            {
                throw S3Errors.PreconditionFailed("If-Match");
            }
        }
    }

    /// <summary>Whether an ETag list (<c>"a", "b"</c>, weak tags, or <c>*</c>) names an ETag.</summary>
    public static bool ETagMatches(string list, string etag)
    {
        var bare = Bare(etag);
        foreach (var item in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item == "*" || Bare(item) == bare)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>An ETag without its quotes or weak marker.</summary>
    public static string Bare(string etag)
    {
        var s = etag.Trim();
        if (s.StartsWith("W/", StringComparison.Ordinal))
        {
            s = s[2..];
        }
        return s.Trim('"');
    }

    private static void Check(JsonObject input, S3Object obj, DateTimeOffset now, string prefix, string ifMatchName, string ifUnmodifiedName, Func<Exception> notModified)
    {
        var lastModified = Seconds(obj.LastModified);
        if (S3Input.String(input, prefix + "IfMatch") is { } match)
        {
            if (!ETagMatches(match, obj.ETag))
            {
                throw S3Errors.PreconditionFailed(ifMatchName);
            }
        }
        else if (S3Input.Timestamp(input, prefix + "IfUnmodifiedSince") is { } unmodified && lastModified > Seconds(unmodified))
        {
            throw S3Errors.PreconditionFailed(ifUnmodifiedName);
        }
        if (S3Input.String(input, prefix + "IfNoneMatch") is { } none)
        {
            if (ETagMatches(none, obj.ETag))
            {
                throw notModified();
            }
        }
        else if (S3Input.Timestamp(input, prefix + "IfModifiedSince") is { } modified && modified <= now && lastModified <= Seconds(modified))
        {
            throw notModified();
        }
    }

    private static DateTimeOffset Seconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
