using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Stubbing;

/// <summary>One queued answer of a <see cref="Stubber"/>: an output or an error, and the parameters the call must carry.</summary>
internal sealed class StubbedCall
{
    /// <summary>The operation the call must be.</summary>
    public required OperationModel Operation { get; init; }

    /// <summary>The output to answer with (native data, ResponseMetadata removed), or null for an error.</summary>
    public JsonObject? Output { get; init; }

    /// <summary>The error to answer with, or null for an output.</summary>
    public ServiceError? Error { get; init; }

    /// <summary>An HTTP status that overrides the one the protocol would write.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The parameters the call must carry, or null to accept any.</summary>
    public JsonObject? ExpectedParams { get; init; }

    /// <summary>Extra response headers (from ResponseMetadata: RequestId, HTTPHeaders).</summary>
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Describes the call for messages.</summary>
    public override string ToString() => Error is { } e ? $"{Operation.Name} (error {e.Code})" : Operation.Name;
}
