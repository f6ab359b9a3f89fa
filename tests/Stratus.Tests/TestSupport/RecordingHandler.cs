using System.Net;
using System.Text;

namespace Stratus.Tests.TestSupport;

/// <summary>
/// An in-memory transport for client tests: answers each request with the next canned response and
/// records what was sent (method, URI, headers, body). It stands in for the server, not for Stratus code.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();

    /// <summary>The requests received, with their bodies read.</summary>
    public List<(HttpRequestMessage Request, byte[] Body)> Requests { get; } = [];

    /// <summary>Queues a response.</summary>
    public RecordingHandler Respond(HttpStatusCode status, string body = "", string contentType = "application/x-amz-json-1.0", params (string Name, string Value)[] headers)
    {
        _responses.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
            response.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            foreach (var (name, value) in headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }
            return response;
        });
        return this;
    }

    /// <summary>Queues a failure (as a broken connection would give).</summary>
    public RecordingHandler Fail(Exception e)
    {
        _responses.Enqueue(_ => throw e);
        return this;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : ReadAll(request.Content.ReadAsStream(cancellationToken));
        Requests.Add((request, body));
        if (_responses.Count == 0)
        {
            throw new InvalidOperationException($"No response queued for {request.Method} {request.RequestUri}.");
        }
        return _responses.Dequeue()(request);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return Send(request, cancellationToken);
    }

    private static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
