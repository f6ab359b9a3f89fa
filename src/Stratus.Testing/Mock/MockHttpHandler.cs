using Stratus.Testing.Http;

namespace Stratus.Testing.Mock;

/// <summary>The mock cloud in-process: an <see cref="HttpMessageHandler"/> that answers requests with no socket.</summary>
internal sealed class MockHttpHandler(MockCloud cloud) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is { } content ? await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false) : null;
        var server = ServerMessages.ToServerRequest(request, bodyStream: body);
        var baseUrl = new Uri(request.RequestUri!.GetLeftPart(UriPartial.Authority) + "/");
        var response = await cloud.HandleAsync(server, baseUrl, cancellationToken).ConfigureAwait(false);
        return ServerMessages.ToHttpResponse(response, request);
    }

    // The client's synchronous path: the cloud's work is in memory, and its only awaits (reading a request
    // body from a memory stream or a caller's stream) complete at once for in-memory content.
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();
}
