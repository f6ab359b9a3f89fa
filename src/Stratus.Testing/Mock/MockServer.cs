using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

/// <summary>The mock cloud served on a loopback port (Kestrel), for any AWS client to be pointed at.</summary>
public sealed class MockServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MockServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The endpoint URL, for example <c>http://127.0.0.1:4566</c>.</summary>
    public Uri Url { get; }

    internal static async Task<MockServer> StartAsync(MockCloud cloud, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = cloud.Options.MaxBodyBytes;
            options.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
            options.Limits.MaxRequestLineSize = 16 * 1024;
            options.AllowSynchronousIO = false;
        });
        var app = builder.Build();
        app.Run(context => ServeAsync(cloud, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MockServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    private static async Task ServeAsync(MockCloud cloud, HttpContext context)
    {
        var http = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Headers)
        {
            headers[name] = values.ToString();
        }
        var request = new ServerRequest
        {
            Method = http.Method,
            // The raw target keeps the client's percent-encoding, which signatures cover.
            Path = RawPath(context),
            Query = QueryString.Parse(http.QueryString.Value ?? ""),
            Headers = headers,
            Host = http.Host.Value ?? "",
            BodyStream = http.Body,
        };
        var baseUrl = new Uri($"{http.Scheme}://{http.Host.Value}/");
        var response = await cloud.HandleAsync(request, baseUrl, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }
        if (http.Method == "HEAD")
        {
            return;
        }
        if (response.BodyStream is { } stream)
        {
            await using (stream.ConfigureAwait(false))
            {
                await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
            }
        }
        else if (!response.Body.IsEmpty)
        {
            if (!response.Headers.ContainsKey("Content-Length"))
            {
                context.Response.ContentLength = response.Body.Length;
            }
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var q = target.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? target : target[..q];
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
