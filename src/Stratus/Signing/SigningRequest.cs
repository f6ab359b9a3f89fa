using Stratus.Protocols;

namespace Stratus.Signing;

/// <summary>
/// The parts of an HTTP request that a signer reads and writes: method, encoded path, raw query
/// pairs, headers and host. Signers add their headers or query parameters to it in place.
/// </summary>
public sealed class SigningRequest
{
    /// <summary>The HTTP method.</summary>
    public string Method { get; set; } = "GET";

    /// <summary>The path as sent on the request line: percent-encoded once, starting with '/'.</summary>
    public string Path { get; set; } = "/";

    /// <summary>The query parameters, not encoded, in order. A null value is a bare key (<c>?uploads</c>).</summary>
    public List<KeyValuePair<string, string?>> Query { get; } = [];

    /// <summary>
    /// The headers (case-insensitive names). A header sent several times is one entry whose values are
    /// joined with ',' in order, as HTTP allows and as SigV4 signs them.
    /// </summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The host (with the port when it is not the scheme's default), signed as the <c>host</c> header
    /// unless <see cref="Headers"/> has one.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>Copies a serialized request; <paramref name="host"/> is the endpoint's host, to which the request's host prefix is prepended.</summary>
    /// <param name="request">The serialized request.</param>
    /// <param name="host">The endpoint host (with a non-default port, if any).</param>
    public static SigningRequest From(SerializedRequest request, string host)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(host);
        var result = new SigningRequest
        {
            Method = request.Method,
            Path = request.Path,
            Host = request.HostPrefix + host,
        };
        result.Query.AddRange(request.Query);
        foreach (var (name, value) in request.Headers)
        {
            result.Headers[name] = value;
        }
        return result;
    }

    /// <summary>Renders the query string (without '?') as it goes on the wire, each key and value percent-encoded.</summary>
    public string RenderQuery() => UriTemplate.RenderQuery(Query);

    /// <summary>The path and query, as they appear on the request line.</summary>
    public string PathAndQuery => Query.Count == 0 ? Path : Path + "?" + RenderQuery();
}
