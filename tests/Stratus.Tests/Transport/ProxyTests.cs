using System.Net;
using System.Net.Sockets;
using System.Text;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Tests.TestSupport;
using Stratus.Transport;

namespace Stratus.Tests.Transport;

/// <summary>An explicit proxy with basic credentials, over a real loopback proxy that demands them.</summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task RequestsGoThroughTheProxyWithBasicCredentialsThatAreNeverLogged()
    {
        const string password = "proxy-pa55word-do-not-log";
        using var proxy = new LoopbackProxy("alice", password);
        var logger = new ListLogger();
        using var ddb = Aws.Connect("dynamodb", new ClientOptions
        {
            Region = "us-east-1",
            // The target is never contacted: the proxy answers for it, so the test proves the proxy was used.
            EndpointUrl = new Uri("http://dynamodb.invalid:8000"),
            Credentials = new AwsCredentials("AKIDEXAMPLE", "secret"),
            Connection = new ConnectionOptions { Proxy = proxy.Url, ProxyUserName = "alice", ProxyPassword = password },
            Logger = logger,
        });
        var result = await ddb.CallAsync("ListTables");
        Assert.Equal("via-proxy", (string?)result["TableNames"]![0]);
        Assert.Contains(proxy.RequestLines, l => l.StartsWith("POST http://dynamodb.invalid:8000/ ", StringComparison.Ordinal));
        Assert.True(proxy.Authenticated, "the proxy never received valid Basic credentials");
        Assert.DoesNotContain(logger.Lines, l => l.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(password, new ConnectionOptions { ProxyPassword = password }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EqualOptionsShareOneHandlerAndOthersDoNot()
    {
        var a = ConnectionPool.Get(new ConnectionOptions { MaxConnectionsPerServer = 7 });
        var b = ConnectionPool.Get(new ConnectionOptions { MaxConnectionsPerServer = 7 });
        var c = ConnectionPool.Get(new ConnectionOptions { MaxConnectionsPerServer = 8 });
        Assert.Same(a, b);
        Assert.NotSame(a, c);
    }

    /// <summary>An HTTP proxy on 127.0.0.1 that demands Basic credentials (407 first) and then answers itself.</summary>
    private sealed class LoopbackProxy : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string _expected;
        private readonly CancellationTokenSource _stop = new();

        public LoopbackProxy(string user, string password)
        {
            _expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
            _ = Task.Run(LoopAsync);
        }

        public Uri Url { get; }

        public List<string> RequestLines { get; } = [];

        public bool Authenticated { get; private set; }

        private async Task LoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            while (true)
            {
                var requestLine = await reader.ReadLineAsync();
                if (string.IsNullOrEmpty(requestLine))
                {
                    return;
                }
                lock (RequestLines)
                {
                    RequestLines.Add(requestLine);
                }
                string? auth = null;
                var length = 0;
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                {
                    if (line.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase))
                    {
                        auth = line[20..].Trim();
                    }
                    else if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                var body = new char[length];
                var read = 0;
                while (read < length)
                {
                    read += await reader.ReadAsync(body.AsMemory(read));
                }
                string response;
                if (auth != _expected)
                {
                    response = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n";
                }
                else
                {
                    Authenticated = true;
                    const string json = "{\"TableNames\":[\"via-proxy\"]}";
                    response = $"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: {json.Length}\r\n\r\n{json}";
                }
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
