namespace Stratus.Protocols;

/// <summary>An HTTP response as protocol parsers see it: status, headers and body.</summary>
public sealed class RawResponse
{
    /// <summary>Creates a response.</summary>
    public RawResponse(int statusCode, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, Stream? bodyStream = null)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
        BodyStream = bodyStream;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The headers (case-insensitive names; repeated headers joined with ", ").</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body, read whole (empty when <see cref="BodyStream"/> is set).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body as a live stream, for operations whose output payload streams.</summary>
    public Stream? BodyStream { get; }

    /// <summary>Gets a header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
