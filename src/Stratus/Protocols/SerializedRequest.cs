using System.Text;

namespace Stratus.Protocols;

/// <summary>
/// An HTTP request as a protocol serializer describes it, independent of any HTTP library:
/// method, encoded path, raw query pairs, headers, body and host prefix. The client turns it
/// into an <see cref="HttpRequestMessage"/>; tests compare it directly.
/// </summary>
public sealed class SerializedRequest
{
    /// <summary>The HTTP method.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>The path, already percent-encoded, starting with '/'.</summary>
    public string Path { get; set; } = "/";

    /// <summary>The query parameters, not yet encoded, in order. A null value is a bare key (<c>?uploads</c>).</summary>
    public List<KeyValuePair<string, string?>> Query { get; } = [];

    /// <summary>The headers (case-insensitive names).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body, when it is in memory.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The body, when it streams from the caller (a streaming payload member); takes precedence over <see cref="Body"/>.</summary>
    public Stream? BodyStream { get; set; }

    /// <summary>The expanded host prefix (for example <c>foo.data.</c>), prepended to the endpoint's host.</summary>
    public string? HostPrefix { get; set; }

    /// <summary>Whether the request carries a body in any form.</summary>
    public bool HasBody => BodyStream is not null || !Body.IsEmpty;

    /// <summary>Renders the query string (without '?'), percent-encoding keys and values as AWS expects.</summary>
    public string RenderQuery() => UriTemplate.RenderQuery(Query);

    /// <summary>The path and query, as they appear on the request line.</summary>
    public string PathAndQuery => Query.Count == 0 ? Path : Path + "?" + RenderQuery();

    /// <summary>Sets the body to UTF-8 text.</summary>
    public void SetBody(string text) => Body = Encoding.UTF8.GetBytes(text);
}
