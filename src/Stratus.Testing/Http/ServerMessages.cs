using System.Net.Http.Headers;
using Stratus.Protocols.Server;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Http;

/// <summary>
/// Converts between .NET's HTTP messages and the server side's (<see cref="ServerRequest"/>, <see cref="ServerResponse"/>),
/// for every in-process handler of this assembly: the mock cloud, the stubber, the recorder and the replayer.
/// </summary>
internal static class ServerMessages
{
    /// <summary>Reads a request for a server: its headers (content headers included, Host added), the decoded query, and the body given.</summary>
    public static ServerRequest ToServerRequest(HttpRequestMessage request, ReadOnlyMemory<byte> body = default, Stream? bodyStream = null)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var headers = Headers(request.Headers, request.Content?.Headers);
        headers["Host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return new ServerRequest
        {
            Method = request.Method.Method,
            Path = uri.AbsolutePath,
            Query = QueryString.Parse(uri.Query),
            Headers = headers,
            Host = headers["Host"],
            Body = body,
            BodyStream = bodyStream,
        };
    }

    /// <summary>Collects message and content headers by name (case-insensitive; repeated values joined with ", ").</summary>
    public static Dictionary<string, string> Headers(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers.NonValidated)
        {
            result[name] = string.Join(", ", values);
        }
        if (contentHeaders is not null)
        {
            foreach (var (name, values) in contentHeaders.NonValidated)
            {
                result[name] = string.Join(", ", values);
            }
        }
        return result;
    }

    /// <summary>Reads a content whole (empty for none); sync and async share this body.</summary>
    public static async ValueTask<byte[]> ReadBodyAsync(HttpContent? content, bool async, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return [];
        }
        using var buffer = new MemoryStream();
        if (async)
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            content.ReadAsStream(cancellationToken).CopyTo(buffer);
        }
        return buffer.ToArray();
    }

    /// <summary>A content holding bytes already read, with the headers of the content they were read from.</summary>
    public static ByteArrayContent Buffered(byte[] body, HttpContent original)
    {
        var content = new ByteArrayContent(body);
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            content.Headers.TryAddWithoutValidation(name, values);
        }
        return content;
    }

    /// <summary>Writes a server's response as the HTTP response a client receives (a HEAD response keeps its headers, not its body).</summary>
    public static HttpResponseMessage ToHttpResponse(ServerResponse response, HttpRequestMessage request)
    {
        var message = new HttpResponseMessage((System.Net.HttpStatusCode)response.StatusCode) { RequestMessage = request };
        HttpContent content = response.BodyStream is { } stream ? new StreamContent(stream) : new ReadOnlyMemoryContent(response.Body);
        message.Content = content;
        foreach (var (name, value) in response.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        if (request.Method == HttpMethod.Head)
        {
            var length = content.Headers.ContentLength;
            message.Content = new ReadOnlyMemoryContent(ReadOnlyMemory<byte>.Empty);
            foreach (var (name, values) in content.Headers.NonValidated)
            {
                message.Content.Headers.TryAddWithoutValidation(name, values);
            }
            message.Content.Headers.ContentLength = length;
        }
        return message;
    }
}
