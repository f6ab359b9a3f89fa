using System.Text.Json.Nodes;

namespace Stratus.Transfer;

/// <summary>What a presigned POST allows besides the bucket and key.</summary>
public sealed class PresignedPostOptions
{
    /// <summary>How long the policy stays valid. Default: one hour.</summary>
    public TimeSpan ExpiresIn { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Extra form fields (for example <c>Content-Type</c>, <c>success_action_status</c>, <c>x-amz-meta-*</c>).
    /// Each gets an exact-match condition unless <see cref="Conditions"/> already names it.
    /// </summary>
    public IDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Extra policy conditions as S3 writes them: <c>{"acl": "public-read"}</c>,
    /// <c>["starts-with", "$key", "uploads/"]</c>, <c>["content-length-range", 0, 1048576]</c>.
    /// </summary>
    public IList<JsonNode> Conditions { get; init; } = [];
}
