namespace Stratus.Protocols.Server;

/// <summary>An HTTP request as a server (the mock cloud) receives it, before the protocol reads it.</summary>
public sealed class ServerRequest
{
    /// <summary>The HTTP method.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The path as sent (percent-encoded), without the query.</summary>
    public string Path { get; init; } = "/";

    /// <summary>The query parameters, decoded, in order. A bare key (<c>?uploads</c>) has a null value.</summary>
    public List<KeyValuePair<string, string?>> Query { get; init; } = [];

    /// <summary>The headers (case-insensitive names; repeated headers joined with ", ").</summary>
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host the request was addressed to (the Host header).</summary>
    public string Host { get; init; } = "";

    /// <summary>The body, read whole (for every operation but those with a streaming input payload).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body as a stream, for operations whose input payload streams (S3 PutObject, UploadPart).</summary>
    public Stream? BodyStream { get; init; }

    /// <summary>Gets a header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>Gets the first value of a query parameter, or null (also null for a bare key).</summary>
    public string? QueryValue(string name)
    {
        foreach (var (k, v) in Query)
        {
            if (k == name)
            {
                return v;
            }
        }
        return null;
    }

    /// <summary>Whether the query has a parameter of this name (with or without a value).</summary>
    public bool HasQuery(string name) => Query.Exists(p => p.Key == name);
}
