using System.Text.Json.Nodes;

namespace Stratus.Transfer;

/// <summary>Per-download settings.</summary>
public sealed class DownloadOptions
{
    /// <summary>Where progress goes; reports are made in order, with growing byte counts.</summary>
    public IProgress<TransferProgress>? Progress { get; init; }

    /// <summary>More input members for HeadObject and GetObject (for example <c>VersionId</c>, the SSE-C members, <c>RequestPayer</c>).</summary>
    public JsonObject? Input { get; init; }

    /// <summary>
    /// Whether the object's stored checksum (full-object or composite) is verified over the bytes received.
    /// Default true; an object stored without a checksum is not checked.
    /// </summary>
    public bool VerifyChecksum { get; init; } = true;

    /// <summary>
    /// For file downloads: continue an interrupted download of the same object (same ETag and size) by
    /// skipping the ranges its progress file (<c>&lt;path&gt;.stratus-download</c>) records as written. Default true.
    /// </summary>
    public bool Resume { get; init; } = true;
}
