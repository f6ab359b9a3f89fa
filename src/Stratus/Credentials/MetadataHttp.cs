using System.Globalization;

namespace Stratus.Credentials;

/// <summary>
/// Small bounded HTTP requests to local credential endpoints (instance metadata, container credentials):
/// a direct handler that never goes through a proxy, a timeout per request on the given clock, a capped
/// body, and one body for sync and async.
/// </summary>
internal static class MetadataHttp
{
    private const int MaxBody = 64 * 1024;

    private static readonly Lazy<HttpMessageHandler> Direct = new(() => new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(20),
    });

    public static HttpMessageInvoker Invoker(HttpMessageHandler? handler) => new(handler ?? Direct.Value, disposeHandler: false);

    /// <summary>Sends a request and reads its body as text.</summary>
    /// <exception cref="TimeoutException">No complete answer within <paramref name="timeout"/>.</exception>
    /// <exception cref="HttpRequestException">The connection failed.</exception>
    /// <exception cref="IOException">Reading the body failed.</exception>
    public static async ValueTask<(int Status, string Body)> SendAsync(
        HttpMessageInvoker invoker, HttpRequestMessage request, TimeSpan timeout, TimeProvider clock, bool async, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            using var response = async
                ? await invoker.SendAsync(request, linked.Token).ConfigureAwait(false)
                : invoker.Send(request, linked.Token);
            var body = await ReadAsync(response.Content, async, linked.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {Env.Seconds(timeout)} s");
        }
    }

    public static string Describe(Exception e) => e switch
    {
        TimeoutException t => t.Message,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "connection refused or unreachable",
        _ => e.Message,
    };

    public static string Status(int status) => string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");

    private static async ValueTask<string> ReadAsync(HttpContent content, bool async, CancellationToken cancellationToken)
    {
        var stream = async ? await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false) : content.ReadAsStream(cancellationToken);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxBody];
            var length = 0;
            while (length < buffer.Length)
            {
                var read = async
                    ? await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)
                    : stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
            return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }
    }
}
