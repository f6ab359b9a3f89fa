namespace Stratus.Testing.Recording;

/// <summary>
/// One recorded exchange: the request a client sent and the response it got, with secrets already redacted.
/// A line of a recording file (<see cref="TrafficFile"/>).
/// </summary>
public sealed class TrafficEntry
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    /// <summary>The service's model name, when the recorder knew it.</summary>
    public string? Service { get; init; }

    /// <summary>The operation the request called, when the service's server protocol could tell.</summary>
    public string? Operation { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The full request URI (presigned signatures and credentials redacted).</summary>
    public required string Uri { get; init; }

    /// <summary>The request headers (secret ones redacted).</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; init; } = NoHeaders;

    /// <summary>The request body (secret members redacted).</summary>
    public byte[] RequestBody { get; init; } = [];

    /// <summary>The response's HTTP status.</summary>
    public int StatusCode { get; init; }

    /// <summary>The response headers (secret ones redacted).</summary>
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; init; } = NoHeaders;

    /// <summary>The response body (secret members redacted).</summary>
    public byte[] ResponseBody { get; init; } = [];

    /// <summary>Shows the request line and the status.</summary>
    public override string ToString() => $"{Method} {Uri}{(Operation is null ? "" : $" ({Service}.{Operation})")} -> {StatusCode}";
}
