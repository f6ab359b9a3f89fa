namespace Stratus.Models;

/// <summary>The <c>error</c> trait of an exception shape.</summary>
/// <param name="Code">The wire error code, when it differs from the shape name (query protocols).</param>
/// <param name="HttpStatusCode">The HTTP status the service answers with.</param>
/// <param name="SenderFault">Whether the caller is at fault.</param>
public sealed record ShapeError(string? Code, int? HttpStatusCode, bool SenderFault);
