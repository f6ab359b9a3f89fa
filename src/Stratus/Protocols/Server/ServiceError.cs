using System.Text.Json.Nodes;

namespace Stratus.Protocols.Server;

/// <summary>An error a server answers with: AWS's error code, message and HTTP status, and any extra modeled fields.</summary>
/// <param name="Code">The error code, for example <c>NoSuchBucket</c>.</param>
/// <param name="Message">The message.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Fields">Extra members of the error (for example S3's <c>BucketName</c>), written beside code and message.</param>
/// <param name="SenderFault">Whether the caller is at fault (query protocols write Sender or Receiver).</param>
public sealed record ServiceError(string Code, string Message, int StatusCode = 400, JsonObject? Fields = null, bool SenderFault = true);
