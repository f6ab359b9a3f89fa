namespace Stratus.Client;

/// <summary>The pooled HTTP handler every client shares unless given its own transport.</summary>
internal static class SharedTransport
{
    private static readonly Lazy<HttpMessageHandler> Lazy = new(() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        MaxConnectionsPerServer = 256,
    });

    public static HttpMessageHandler Handler => Lazy.Value;
}
