using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols;

/// <summary>An error response, as a protocol parser reads it.</summary>
/// <param name="Code">The error code (for awsQueryCompatible services, the query-protocol code).</param>
/// <param name="Message">The error message, if any.</param>
/// <param name="Document">The error's members, parsed with the modeled error shape when one matches, plus any unmodeled fields.</param>
/// <param name="Shape">The modeled error shape, when the code matches one.</param>
/// <param name="RequestId">The request id, when the body carries it.</param>
public sealed record ParsedError(string Code, string? Message, JsonObject Document, Shape? Shape, string? RequestId = null);
