namespace Stratus.Transfer;

/// <summary>
/// A presigned S3 POST (browser-based upload): send a <c>multipart/form-data</c> POST to <see cref="Url"/> with
/// every field of <see cref="Fields"/>, then the <c>file</c> field last.
/// </summary>
/// <param name="Url">The bucket's URL.</param>
/// <param name="Fields">The form fields: <c>key</c>, <c>policy</c>, <c>x-amz-algorithm</c>, <c>x-amz-credential</c>, <c>x-amz-date</c>, <c>x-amz-signature</c>, <c>x-amz-security-token</c> (temporary credentials) and the caller's own.</param>
public sealed record PresignedPost(Uri Url, IReadOnlyDictionary<string, string> Fields);
