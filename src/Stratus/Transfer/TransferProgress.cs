namespace Stratus.Transfer;

/// <summary>How far a transfer has come.</summary>
/// <param name="BytesTransferred">Bytes done so far (for a resumed transfer, including those done before).</param>
/// <param name="TotalBytes">The object's size, or null while it is unknown (an upload from a stream of unknown length).</param>
public readonly record struct TransferProgress(long BytesTransferred, long? TotalBytes);
