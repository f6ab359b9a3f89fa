using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

public sealed partial class MockCloud
{
    // Form bodies are read first: a query-protocol request names its service and action in the body.
    private async ValueTask<ServerRequest> BufferFormBodyAsync(ServerRequest request, CancellationToken cancellationToken)
    {
        var contentType = request.Header("Content-Type") ?? "";
        return contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            ? await BufferBodyAsync(request, cancellationToken).ConfigureAwait(false)
            : request;
    }

    private async ValueTask<ServerRequest> BufferBodyAsync(ServerRequest request, CancellationToken cancellationToken)
    {
        if (request.BodyStream is not { } stream)
        {
            return request;
        }
        var limit = Options.MaxBufferedBodyBytes;
        if (request.Header("Content-Length") is { } cl && long.TryParse(cl, out var declared) && declared > limit)
        {
            throw new RequestTooLargeException("RequestEntityTooLarge", $"The request body ({declared} bytes) is larger than the {limit} bytes this operation accepts.");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > limit)
            {
                throw new RequestTooLargeException("RequestEntityTooLarge", $"The request body is larger than the {limit} bytes this operation accepts.");
            }
            buffer.Write(chunk, 0, n);
        }
        return With(request, body: buffer.ToArray(), bodyStream: null);
    }

    internal static ServerRequest With(ServerRequest request, ReadOnlyMemory<byte>? body = null, Stream? bodyStream = null, string? path = null, string? host = null)
    {
        var copy = new ServerRequest
        {
            Method = request.Method,
            Path = path ?? request.Path,
            Query = request.Query,
            Headers = request.Headers,
            Host = host ?? request.Host,
            Body = body ?? request.Body,
            BodyStream = body is not null ? bodyStream : request.BodyStream,
        };
        return copy;
    }
}
