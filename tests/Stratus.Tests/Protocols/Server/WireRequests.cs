using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>Turns what a client serialized into what a server receives: the request line rendered and read back, headers and body as sent.</summary>
internal static class WireRequests
{
    public static ServerRequest ToServer(SerializedRequest request, string host = "example.com")
    {
        var pathAndQuery = request.PathAndQuery;
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var query = new List<KeyValuePair<string, string?>>();
        if (q >= 0)
        {
            foreach (var part in pathAndQuery[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                query.Add(eq < 0
                    ? new(Uri.UnescapeDataString(part), null)
                    : new(Uri.UnescapeDataString(part[..eq]), Uri.UnescapeDataString(part[(eq + 1)..])));
            }
        }
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
        return new ServerRequest
        {
            Method = request.Method,
            Path = q < 0 ? pathAndQuery : pathAndQuery[..q],
            Query = query,
            Headers = headers,
            Host = (request.HostPrefix ?? "") + host,
            Body = request.Body,
            BodyStream = request.BodyStream,
        };
    }

    /// <summary>A server response as the client's parsers receive it; a streaming output arrives as a stream.</summary>
    public static RawResponse ToRaw(ServerResponse response, bool streams)
    {
        var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
        if (response.BodyStream is { } stream)
        {
            return new RawResponse(response.StatusCode, headers, ReadOnlyMemory<byte>.Empty, stream);
        }
        return streams
            ? new RawResponse(response.StatusCode, headers, ReadOnlyMemory<byte>.Empty, new MemoryStream(response.Body.ToArray()))
            : new RawResponse(response.StatusCode, headers, response.Body);
    }
}
