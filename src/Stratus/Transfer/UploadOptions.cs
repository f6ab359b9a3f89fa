using System.Text.Json.Nodes;

namespace Stratus.Transfer;

/// <summary>Per-upload settings.</summary>
public sealed class UploadOptions
{
    /// <summary>Where progress goes; reports are made in order, with growing byte counts.</summary>
    public IProgress<TransferProgress>? Progress { get; init; }

    /// <summary>
    /// More input members (for example <c>ContentType</c>, <c>Metadata</c>, <c>ServerSideEncryption</c>, the SSE-C
    /// members): each goes to the calls whose model has it (PutObject, CreateMultipartUpload, UploadPart, CompleteMultipartUpload).
    /// </summary>
    public JsonObject? Input { get; init; }

    /// <summary>
    /// Whether a failed or cancelled multipart upload is aborted, so no parts stay behind (default true). Set
    /// false to keep the parts and resume later with <see cref="Resume"/>.
    /// </summary>
    public bool AbortOnFailure { get; init; } = true;

    /// <summary>Called once a multipart upload has begun (or resumed), with what is needed to resume it; save it to resume after a crash.</summary>
    public Action<MultipartUploadState>? Started { get; init; }

    /// <summary>
    /// Continues this interrupted multipart upload instead of starting a new one: its parts are listed, those
    /// already there with the right size (and checksum) are kept, and only the rest are sent. The source must be the same data.
    /// </summary>
    public MultipartUploadState? Resume { get; init; }
}
