using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.S3;

/// <summary>Reads members of an operation's input (native values keyed by the model's member names).</summary>
internal static class S3Input
{
    /// <summary>A string member, or null when absent or empty.</summary>
    public static string? String(JsonObject input, string member) =>
        NativeValues.TryGetString(input[member], out var v) && v.Length > 0 ? v : null;

    /// <summary>A string member that must be present (the protocol fills URI members, so absence is a malformed request).</summary>
    public static string Required(JsonObject input, string member) =>
        NativeValues.TryGetString(input[member], out var v) ? v : throw S3Errors.InvalidRequest($"Missing required parameter {member}.");

    /// <summary>An integer member, or null.</summary>
    public static long? Int64(JsonObject input, string member) =>
        NativeValues.TryGetInt64(input[member], out var v) ? v : null;

    /// <summary>A boolean member (false when absent).</summary>
    public static bool Boolean(JsonObject input, string member) =>
        NativeValues.TryGetBoolean(input[member], out var v) && v;

    /// <summary>A timestamp member, or null.</summary>
    public static DateTimeOffset? Timestamp(JsonObject input, string member) =>
        NativeValues.TryGetTimestamp(input[member], out var v) ? v : null;

    /// <summary>A map of strings (user metadata), names lowercased as S3 stores them.</summary>
    public static SortedDictionary<string, string> Metadata(JsonObject input)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (input["Metadata"] is JsonObject map)
        {
            foreach (var (name, value) in map)
            {
                result[name.ToLowerInvariant()] = NativeValues.TryGetString(value, out var s) ? s : value?.ToString() ?? "";
            }
        }
        var size = result.Sum(p => System.Text.Encoding.UTF8.GetByteCount(p.Key) + System.Text.Encoding.UTF8.GetByteCount(p.Value));
        return size > S3Limits.MaxMetadataBytes ? throw S3Errors.MetadataTooLarge(size) : result;
    }

    /// <summary>A key, checked against S3's length limit.</summary>
    public static string Key(JsonObject input)
    {
        var key = Required(input, "Key");
        var bytes = System.Text.Encoding.UTF8.GetByteCount(key);
        return bytes > S3Limits.MaxKeyBytes ? throw S3Errors.KeyTooLong(bytes) : key;
    }

    /// <summary>Rejects a version id other than <c>null</c>: the mock's buckets are unversioned.</summary>
    public static void RequireNullVersion(JsonObject input, string member = "VersionId")
    {
        if (String(input, member) is { } v && v != "null")
        {
            throw S3Errors.InvalidVersionId();
        }
    }
}
