using System.Net.Http.Headers;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

/// <summary>The mock cloud in-process: an <see cref="HttpMessageHandler"/> that answers requests with no socket.</summary>
internal sealed class MockHttpHandler(MockCloud cloud) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var server = await ToServerRequestAsync(request, cancellationToken).ConfigureAwait(false);
        var baseUrl = new Uri(request.RequestUri!.GetLeftPart(UriPartial.Authority) + "/");
        var response = await cloud.HandleAsync(server, baseUrl, cancellationToken).ConfigureAwait(false);
        return ToHttpResponse(response, request);
    }

    // The client's synchronous path: the cloud's work is in memory, and its only awaits (reading a request
    // body from a memory stream or a caller's stream) complete at once for in-memory content.
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    private static async Task<ServerRequest> ToServerRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            headers[name] = string.Join(", ", values);
        }
        Stream? body = null;
        if (request.Content is { } content)
        {
            foreach (var (name, values) in content.Headers.NonValidated)
            {
                headers[name] = string.Join(", ", values);
            }
            body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        headers["Host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return new ServerRequest
        {
            Method = request.Method.Method,
            Path = uri.AbsolutePath,
            Query = QueryString.Parse(uri.Query),
            Headers = headers,
            Host = headers["Host"],
            BodyStream = body,
        };
    }

    private static HttpResponseMessage ToHttpResponse(ServerResponse response, HttpRequestMessage request)
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
