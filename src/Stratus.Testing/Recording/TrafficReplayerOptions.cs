using Stratus.Models;

namespace Stratus.Testing.Recording;

/// <summary>How a <see cref="TrafficReplayer"/> matches requests with the recording.</summary>
public sealed class TrafficReplayerOptions
{
    /// <summary>Also compare headers (except <see cref="IgnoredHeaders"/>). Default: false (method, path, query and body only).</summary>
    public bool MatchHeaders { get; set; }

    /// <summary>Headers that change on every call and are never compared: signing, dates, SDK invocation ids, lengths.</summary>
    public ISet<string> IgnoredHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-SHA256", "Date", "User-Agent", "X-Amz-User-Agent",
        "amz-sdk-invocation-id", "amz-sdk-request", "Content-Length", "Host", "Expect", "Traceparent", "X-Amzn-Trace-Id",
    };

    /// <summary>Query parameters that change on every call (presigned URLs) and are never compared.</summary>
    public ISet<string> IgnoredQueryParameters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "X-Amz-Date", "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "Signature", "Expires",
    };

    /// <summary>Where the recorded services' models come from (to find sensitive and idempotency-token members); default <see cref="ModelLoader.Default"/>.</summary>
    public ModelLoader? Models { get; set; }

    /// <summary>More member names that were redacted when recording (as given to <see cref="TrafficRecorder"/>).</summary>
    public IList<string> Redacted { get; } = [];
}
