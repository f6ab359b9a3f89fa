using System.Collections.Concurrent;
using Stratus.Client;
using Stratus.Models;
using Stratus.Testing.Http;

namespace Stratus.Testing.Recording;

/// <summary>
/// Records a client's real traffic to a JSON Lines file (<see cref="TrafficFile"/>) as it passes through, for
/// <see cref="TrafficReplayer"/> to play back later with no server. Put it between the client and its transport:
/// <c>Transport = new TrafficRecorder("calls.jsonl", "dynamodb", new SocketsHttpHandler())</c>.
/// Secrets never reach the file: Authorization, security-token and other secret headers, presigned signatures
/// and credentials in URLs, members the model marks <c>sensitive</c> in the operation's input and output, and
/// <see cref="SecretNames.Always"/> (SecretAccessKey, SessionToken, ...) in JSON, XML and form bodies.
/// The client still gets the real, unredacted response. Thread-safe.
/// </summary>
public sealed class TrafficRecorder : DelegatingHandler
{
    private readonly Lock _gate = new();
    private readonly ServiceModel? _model;
    private readonly ConcurrentDictionary<string, SecretNames> _names = new(StringComparer.Ordinal);
    private readonly string[] _extraNames;
    private int _count;

    /// <summary>Creates a recorder writing to <paramref name="path"/>.</summary>
    /// <param name="path">The recording file; created, or emptied unless <paramref name="append"/>.</param>
    /// <param name="service">The service the client calls (its model name), to name operations and find sensitive members; null for none.</param>
    /// <param name="innerHandler">The real transport.</param>
    /// <param name="models">Where the service's model comes from; default <see cref="ModelLoader.Default"/>.</param>
    /// <param name="append">Add to an existing recording (for example one per service client) instead of starting a new one.</param>
    /// <param name="redact">More member names whose values to redact in bodies.</param>
    public TrafficRecorder(string path, string? service, HttpMessageHandler innerHandler, ModelLoader? models = null, bool append = false, IEnumerable<string>? redact = null)
        : base(innerHandler)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _model = service is null ? null : (models ?? ModelLoader.Default).LoadService(service);
        _extraNames = redact?.ToArray() ?? [];
        if (!append || !File.Exists(path))
        {
            File.WriteAllText(path, "");
        }
    }

    /// <summary>The recording file.</summary>
    public string Path { get; }

    /// <summary>How many exchanges were recorded.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await SendCoreAsync(request, async: true, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var task = SendCoreAsync(request, async: false, cancellationToken);
        return task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("A synchronous send did not complete synchronously.");
    }

    private async ValueTask<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Both bodies are read whole and handed on as buffers: the recording needs them, and the client and the transport still read them.
        var requestBody = await ServerMessages.ReadBodyAsync(request.Content, async, cancellationToken).ConfigureAwait(false);
        if (request.Content is { } sentContent)
        {
            request.Content = ServerMessages.Buffered(requestBody, sentContent);
            sentContent.Dispose();
        }
        var response = async ? await base.SendAsync(request, cancellationToken).ConfigureAwait(false) : base.Send(request, cancellationToken);
        var responseBody = await ServerMessages.ReadBodyAsync(response.Content, async, cancellationToken).ConfigureAwait(false);
        var receivedContent = response.Content;
        response.Content = ServerMessages.Buffered(responseBody, receivedContent);
        receivedContent.Dispose();
        Write(Entry(request, requestBody, response, responseBody));
        return response;
    }

    private TrafficEntry Entry(HttpRequestMessage request, byte[] requestBody, HttpResponseMessage response, byte[] responseBody)
    {
        var operation = OperationLocator.Find(_model, ServerMessages.ToServerRequest(request, requestBody));
        var names = _names.GetOrAdd(operation?.Name ?? "", _ => SecretNames.For(operation, _extraNames));
        var requestHeaders = Redact(ServerMessages.Headers(request.Headers, request.Content?.Headers), names);
        var responseHeaders = Redact(ServerMessages.Headers(response.Headers, response.Content.Headers), names);
        return new TrafficEntry
        {
            Service = _model?.Name,
            Operation = operation?.Name,
            Method = request.Method.Method,
            Uri = WireLog.RedactUrl(request.RequestUri!.OriginalString),
            RequestHeaders = requestHeaders,
            RequestBody = BodyRedactor.Redact(requestBody, requestHeaders.GetValueOrDefault("Content-Type"), names.Body),
            StatusCode = (int)response.StatusCode,
            ResponseHeaders = responseHeaders,
            ResponseBody = BodyRedactor.Redact(responseBody, responseHeaders.GetValueOrDefault("Content-Type"), names.Body),
        };
    }

    /// <summary>Masks secret headers: WireLog's list (Authorization, security tokens, ...) and the operation's sensitive header members.</summary>
    internal static Dictionary<string, string> Redact(Dictionary<string, string> headers, SecretNames names)
    {
        foreach (var name in headers.Keys.ToList())
        {
            var value = headers[name];
            headers[name] = names.Headers.Contains(name) ? BodyRedactor.Mask : WireLog.RedactHeader(name, value);
        }
        return headers;
    }

    private void Write(TrafficEntry entry)
    {
        var line = TrafficFile.Format(entry) + "\n";
        lock (_gate)
        {
            File.AppendAllText(Path, line);
            _count++;
        }
    }
}
