namespace Stratus.Transfer;

/// <summary>A presigned request: anyone holding it may send it, unchanged, until it expires.</summary>
/// <param name="Method">The HTTP method to use.</param>
/// <param name="Url">The URL, with the signature in its query.</param>
/// <param name="Headers">Headers that were signed and must be sent as they are (empty for a plain GET or PUT).</param>
public sealed record PresignedRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers);
