using Stratus.Testing.Http;

namespace Stratus.Testing.Stubbing;

/// <summary>The stubber as a transport: reads the request body, then lets the stubber answer.</summary>
internal sealed class StubHandler(Stubber stubber) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await SendCoreAsync(request, async: true, cancellationToken).ConfigureAwait(false);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var task = SendCoreAsync(request, async: false, cancellationToken);
        // With async: false every await inside completes synchronously.
        return task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("A synchronous send did not complete synchronously.");
    }

    private async ValueTask<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        var body = await ServerMessages.ReadBodyAsync(request.Content, async, cancellationToken).ConfigureAwait(false);
        return stubber.Respond(request, body);
    }
}
