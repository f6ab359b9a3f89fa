using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Stratus.Transport;

/// <summary>
/// One pooled <see cref="SocketsHttpHandler"/> per distinct <see cref="ConnectionOptions"/>, shared by
/// every client that uses the same options for the life of the process.
/// </summary>
public static class ConnectionPool
{
    private static readonly ConcurrentDictionary<ConnectionOptions, Lazy<HttpMessageHandler>> Handlers = new();

    /// <summary>The shared handler for these options.</summary>
    public static HttpMessageHandler Get(ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Handlers.GetOrAdd(options, o => new Lazy<HttpMessageHandler>(() => Create(o))).Value;
    }

    /// <summary>How many distinct handlers exist (one per distinct options).</summary>
    public static int Count => Handlers.Count;

    /// <summary>Creates a handler for the options (not shared; <see cref="Get"/> shares).</summary>
    public static SocketsHttpHandler Create(ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionIdleTimeout = options.IdleTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            EnableMultipleHttp2Connections = true,
        };
        if (options.Proxy is { } proxy)
        {
            handler.UseProxy = true;
            handler.Proxy = new WebProxy(proxy)
            {
                Credentials = options.ProxyUserName is null ? null : new NetworkCredential(options.ProxyUserName, options.ProxyPassword),
            };
        }
        else
        {
            // The default proxy reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY.
            handler.UseProxy = options.UseEnvironmentProxy;
        }
        if (options.ClientCertificatePath is { } certPath)
        {
            handler.SslOptions.ClientCertificates = [LoadClientCertificate(certPath, options.ClientCertificatePassword)];
        }
        if (!options.VerifyTls)
        {
#pragma warning disable CA5359 // Verification off is the caller's explicit choice (VerifyTls = false), for local test servers.
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (options.CaBundlePath is { } bundle)
        {
            var extra = new X509Certificate2Collection();
            extra.ImportFromPemFile(bundle);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && TrustedBy(certificate, chain, extra));
        }
        return handler;
    }

    private static bool TrustedBy(X509Certificate certificate, X509Chain? presented, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    private static X509Certificate2 LoadClientCertificate(string path, string? password)
    {
        var text = File.ReadAllText(path);
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return password is null ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password);
    }
}
