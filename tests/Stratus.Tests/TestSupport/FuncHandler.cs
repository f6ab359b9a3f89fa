using System.Net;
using System.Text;

namespace Stratus.Tests.TestSupport;

/// <summary>An in-memory server for client tests: each request gets the function's answer; requests are counted.</summary>
public sealed class FuncHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _count;

    /// <summary>How many requests came.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>A response with a body and content type.</summary>
    public static HttpResponseMessage Answer(HttpStatusCode status, string body = "", string contentType = "application/x-amz-json-1.0")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return response;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        respond(request, Interlocked.Increment(ref _count));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));
}
