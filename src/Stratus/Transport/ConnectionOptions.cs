namespace Stratus.Transport;

/// <summary>
/// How to connect: proxy, TLS, timeouts, pool size. Clients whose options are equal share one pooled
/// connection handler, so connections are reused across clients of different services.
/// </summary>
public sealed record ConnectionOptions
{
    /// <summary>Time allowed to open a connection (TCP and TLS). Default: 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed from sending a request to receiving its response's headers. Default: 60 s.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most connections to one server. Default: 50.</summary>
    public int MaxConnectionsPerServer { get; init; } = 50;

    /// <summary>How long an idle pooled connection is kept. Default: 60 s.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>An explicit proxy (for example <c>http://proxy:3128</c>). Default: none, but <see cref="UseEnvironmentProxy"/> applies.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>The proxy's basic-auth user name, if it needs one.</summary>
    public string? ProxyUserName { get; init; }

    /// <summary>The proxy's basic-auth password. Never logged or shown.</summary>
    public string? ProxyPassword { get; init; }

    /// <summary>Whether <c>HTTP_PROXY</c>, <c>HTTPS_PROXY</c> and <c>NO_PROXY</c> apply when no explicit proxy is set. Default: true.</summary>
    public bool UseEnvironmentProxy { get; init; } = true;

    /// <summary>A PEM file of extra CA certificates to trust, besides the system's (for TLS-intercepting proxies or private endpoints).</summary>
    public string? CaBundlePath { get; init; }

    /// <summary>A client certificate (PKCS#12 or PEM with key) to present, for endpoints that require mutual TLS.</summary>
    public string? ClientCertificatePath { get; init; }

    /// <summary>The client certificate's password, if any. Never logged or shown.</summary>
    public string? ClientCertificatePassword { get; init; }

    /// <summary>Whether to offer HTTP/2 (used when the endpoint offers it over TLS). Default: true.</summary>
    public bool EnableHttp2 { get; init; } = true;

    /// <summary>Whether to verify the server's certificate. Default: true. Turn off only for local test servers.</summary>
    public bool VerifyTls { get; init; } = true;

    /// <summary>Shows the settings, never the passwords.</summary>
    public override string ToString() =>
        $"ConnectionOptions {{ ConnectTimeout = {ConnectTimeout}, ReadTimeout = {ReadTimeout}, MaxConnectionsPerServer = {MaxConnectionsPerServer}, " +
        $"Proxy = {Proxy}, ProxyUserName = {ProxyUserName}, ProxyPassword = {(ProxyPassword is null ? "(none)" : "***")}, " +
        $"CaBundlePath = {CaBundlePath}, ClientCertificatePath = {ClientCertificatePath}, EnableHttp2 = {EnableHttp2}, VerifyTls = {VerifyTls} }}";
}
