// The benchmark endpoint: canned S3, EC2, SQS and DynamoDB answers on 127.0.0.1, over HTTP and HTTPS (a
// self-signed certificate made at start-up), HTTP/1.1 only. It checks no signature. It prints one line,
// "http=<url> https=<url>", once it listens, and stops when its standard input closes.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stratus.Bench.Endpoint;

var httpPort = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
var httpsPort = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
var canned = new CannedResponses();
var certificate = SelfSignedCertificate.Create();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = null;
    k.Listen(IPAddress.Loopback, httpPort, o => o.Protocols = HttpProtocols.Http1);
    k.Listen(IPAddress.Loopback, httpsPort, o =>
    {
        o.Protocols = HttpProtocols.Http1;
        o.UseHttps(certificate);
    });
});
var app = builder.Build();
app.Run(new Router(canned).HandleAsync);
await app.StartAsync();

var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
Console.WriteLine($"http={addresses.First(a => a.StartsWith("http:", StringComparison.Ordinal))} https={addresses.First(a => a.StartsWith("https:", StringComparison.Ordinal))}");
Console.Out.Flush();

// Stop when the parent closes our standard input (or exits).
await Task.Run(() => Console.In.ReadToEnd());
await app.StopAsync();
