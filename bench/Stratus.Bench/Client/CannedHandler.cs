using System.Net;

namespace Stratus.Bench.Client;

/// <summary>An in-memory transport answering every request with the same canned S3 HeadObject response.</summary>
public sealed class CannedHandler : HttpMessageHandler
{
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Respond(request);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Respond(request));

    private static HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("x-amz-request-id", "4442587FB7D0A2F9");
        response.Headers.TryAddWithoutValidation("x-amz-id-2", "vlR7PnpV2Ce81puvHd1bvLP4v6+FQWn1vBq0L4Kt1Y6LAbpbx4cH8sM1vC8dC6RqpoE7Vs3c9pM=");
        response.Headers.TryAddWithoutValidation("ETag", "\"9b2cf535f27731c974343645a3985328\"");
        response.Headers.TryAddWithoutValidation("Accept-Ranges", "bytes");
        response.Headers.TryAddWithoutValidation("x-amz-server-side-encryption", "AES256");
        response.Headers.TryAddWithoutValidation("Date", "Mon, 03 Nov 2025 09:30:00 GMT");
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/octet-stream");
        response.Content.Headers.TryAddWithoutValidation("Last-Modified", "Mon, 03 Nov 2025 09:30:00 GMT");
        response.Content.Headers.ContentLength = 1024;
        return response;
    }
}
