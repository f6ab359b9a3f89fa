using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Transport;

namespace Stratus.Tests.Transport;

/// <summary>TLS to a server whose certificate only an extra CA bundle vouches for (a private endpoint, a TLS-intercepting proxy).</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task AnExtraCaBundleIsTrustedAndItsAbsenceIsATransportError()
    {
        using var ca = CreateCa();
        using var serverCert = IssueServerCertificate(ca);
        var dir = Directory.CreateTempSubdirectory("stratus-tls-");
        try
        {
            var bundle = Path.Combine(dir.FullName, "ca.pem");
            await File.WriteAllTextAsync(bundle, ca.ExportCertificatePem());

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(serverCert)));
            await using var app = builder.Build();
            app.Run(async context =>
            {
                context.Response.ContentType = "application/x-amz-json-1.0";
                await context.Response.WriteAsync("{\"TableNames\":[\"over-tls\"]}");
            });
            await app.StartAsync();
            var port = new Uri(app.Urls.First()).Port;

            ServiceClient Client(ConnectionOptions connection) => Aws.Connect("dynamodb", new ClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = new Uri($"https://localhost:{port}"),
                Credentials = new AwsCredentials("AKIDEXAMPLE", "secret"),
                Connection = connection,
                Retry = new Stratus.Pipeline.RetryOptions { MaxAttempts = 1 },
            });

            using (var trusted = Client(new ConnectionOptions { CaBundlePath = bundle }))
            {
                var result = await trusted.CallAsync("ListTables");
                Assert.Equal("over-tls", (string?)result["TableNames"]![0]);
            }
            using (var untrusted = Client(new ConnectionOptions()))
            {
                var e = await Assert.ThrowsAsync<ClientException>(() => untrusted.CallAsync("ListTables"));
                Assert.Equal(ClientErrorKind.Transport, e.Kind);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static X509Certificate2 CreateCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Stratus Test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }

    private static X509Certificate2 IssueServerCertificate(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(6), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        // Kestrel needs the key in a form it can use on Linux: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
