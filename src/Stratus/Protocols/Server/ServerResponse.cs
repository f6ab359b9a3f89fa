namespace Stratus.Protocols.Server;

/// <summary>An HTTP response as a server writes it, after the protocol serialized an operation's output or error.</summary>
public sealed class ServerResponse
{
    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>The headers (case-insensitive names).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body, when it is in memory.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The body as a stream (a streaming output payload); takes precedence over <see cref="Body"/>.</summary>
    public Stream? BodyStream { get; set; }
}
