using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stratus.Tests.TestSupport;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 that answers each connection with the next scripted behaviour:
/// a response, a connection reset in the middle of the body, or a stall. For retry and timeout tests
/// over a real socket. Each connection serves one request (Connection: close).
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Queue<Func<NetworkStream, Socket, Task>> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public FaultServer()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    /// <summary>How many requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The request bodies received, in order.</summary>
    public List<string> Bodies { get; } = [];

    public FaultServer Respond(int status, string body, string contentType = "application/x-amz-json-1.0", params (string, string)[] headers)
    {
        lock (_script)
        {
            _script.Enqueue(async (stream, _) =>
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                var head = new StringBuilder($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n");
                foreach (var (k, v) in headers)
                {
                    head.Append(k).Append(": ").Append(v).Append("\r\n");
                }
                head.Append("\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
                await stream.WriteAsync(bytes);
            });
        }
        return this;
    }

    /// <summary>Sends the headers and part of the body, then resets the connection.</summary>
    public FaultServer ResetMidBody()
    {
        lock (_script)
        {
            _script.Enqueue(async (stream, socket) =>
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 1000\r\n\r\n{\"TableNames\":["));
                await stream.FlushAsync();
                await Task.Delay(50);
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            });
        }
        return this;
    }

    /// <summary>Reads the request and never answers.</summary>
    public FaultServer Stall()
    {
        lock (_script)
        {
            _script.Enqueue(async (_, _) => await Task.Delay(Timeout.Infinite, _stop.Token));
        }
        return this;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using var s = socket;
                using var stream = new NetworkStream(socket, ownsSocket: false);
                try
                {
                    var body = await ReadRequestAsync(stream);
                    Func<NetworkStream, Socket, Task>? step;
                    lock (_script)
                    {
                        Interlocked.Increment(ref _requests);
                        Bodies.Add(body);
                        _script.TryDequeue(out step);
                    }
                    if (step is null)
                    {
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 599 Unscripted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                        return;
                    }
                    await step(stream, socket);
                }
                catch (Exception)
                {
                    // A client that gave up closes its end; nothing to do.
                }
            });
        }
    }

    private static async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!(buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }
            buffer.Add(one[0]);
        }
        var head = Encoding.ASCII.GetString(buffer.ToArray());
        var length = 0;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read));
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        return Encoding.UTF8.GetString(body, 0, read);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
        }
        _stop.Dispose();
    }
}
