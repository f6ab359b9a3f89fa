using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Testing.Http;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Recording;

/// <summary>
/// Plays a recording (<see cref="TrafficRecorder"/>) back as a client's transport, with no server: each request is
/// answered with the response of the first unused recorded exchange with the same method, path, query and body
/// (compared after the same redaction the recorder applied; JSON bodies by value; idempotency tokens ignored).
/// Deterministic: exchanges are used in recorded order, each once. An unmatched request throws a
/// <see cref="ReplayException"/> saying how the nearest recorded exchange differs. Thread-safe.
/// </summary>
public sealed class TrafficReplayer : HttpMessageHandler
{
    private readonly List<TrafficEntry> _entries;
    private readonly bool[] _used;
    private readonly TrafficReplayerOptions _options;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, SecretNames> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceModel?> _models = new(StringComparer.Ordinal);

    /// <summary>Replays a recording file.</summary>
    public TrafficReplayer(string path, TrafficReplayerOptions? options = null)
        : this(TrafficFile.Read(path), options)
    {
    }

    /// <summary>Replays recorded exchanges.</summary>
    public TrafficReplayer(IEnumerable<TrafficEntry> entries, TrafficReplayerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
        _used = new bool[_entries.Count];
        _options = options ?? new TrafficReplayerOptions();
    }

    /// <summary>How many recorded exchanges have not been replayed yet.</summary>
    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _used.Count(u => !u);
            }
        }
    }

    /// <summary>Fails if recorded exchanges were never replayed (the code under test made fewer calls than recorded).</summary>
    /// <exception cref="ReplayException">Exchanges are left; the message lists them.</exception>
    public void AssertAllReplayed()
    {
        lock (_gate)
        {
            var left = _entries.Where((_, i) => !_used[i]).ToList();
            if (left.Count > 0)
            {
                throw new ReplayException($"{left.Count} recorded exchange(s) were never replayed: {string.Join("; ", left)}.");
            }
        }
    }

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
        var body = await ServerMessages.ReadBodyAsync(request.Content, async, cancellationToken).ConfigureAwait(false);
        var live = new Live(request, body);
        TrafficEntry entry;
        lock (_gate)
        {
            string? nearest = null;
            var index = -1;
            for (var i = 0; i < _entries.Count && index < 0; i++)
            {
                if (_used[i])
                {
                    continue;
                }
                var difference = Difference(_entries[i], live);
                if (difference is null)
                {
                    index = i;
                }
                else
                {
                    nearest ??= $"#{i + 1} {_entries[i]}: {difference}";
                }
            }
            if (index < 0)
            {
                throw new ReplayException($"No recorded exchange matches {live.Method} {live.Uri}{(nearest is null ? " (every recorded exchange was used)" : $". The first unused one differs: {nearest}")}.");
            }
            _used[index] = true;
            entry = _entries[index];
        }
        var response = new ServerResponse { StatusCode = entry.StatusCode, Body = entry.ResponseBody };
        foreach (var (name, value) in entry.ResponseHeaders)
        {
            // The body may be shorter or longer than the one recorded (redaction), and is not chunked.
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[name] = value;
            }
        }
        return ServerMessages.ToHttpResponse(response, request);
    }

    /// <summary>How a recorded exchange differs from a live request, or null when it matches.</summary>
    private string? Difference(TrafficEntry entry, Live live)
    {
        if (!entry.Method.Equals(live.Method, StringComparison.OrdinalIgnoreCase))
        {
            return $"method {entry.Method}, not {live.Method}";
        }
        // Parsed as the client built it: the path exactly as encoded, not canonicalized.
        var recordedUri = new Uri(entry.Uri, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        if (recordedUri.AbsolutePath != live.Path)
        {
            return $"path {recordedUri.AbsolutePath}, not {live.Path}";
        }
        var recordedQuery = Query(recordedUri.Query);
        var liveQuery = Query(live.Query);
        if (!recordedQuery.SequenceEqual(liveQuery))
        {
            return $"query {string.Join("&", recordedQuery)}, not {string.Join("&", liveQuery)}";
        }
        var names = Names(entry);
        var masked = new HashSet<string>(names.Body.Concat(names.IdempotencyTokens), StringComparer.Ordinal);
        var recordedBody = BodyRedactor.Redact(entry.RequestBody, entry.RequestHeaders.GetValueOrDefault("Content-Type"), masked);
        var liveBody = BodyRedactor.Redact(live.Body, live.Headers.GetValueOrDefault("Content-Type"), masked);
        if (!SameBody(recordedBody, liveBody))
        {
            return $"body {Preview(recordedBody)}, not {Preview(liveBody)}";
        }
        if (_options.MatchHeaders)
        {
            var liveHeaders = TrafficRecorder.Redact(new Dictionary<string, string>(live.Headers, StringComparer.OrdinalIgnoreCase), names);
            foreach (var name in entry.RequestHeaders.Keys.Union(liveHeaders.Keys, StringComparer.OrdinalIgnoreCase))
            {
                if (_options.IgnoredHeaders.Contains(name))
                {
                    continue;
                }
                var recorded = entry.RequestHeaders.GetValueOrDefault(name);
                var sent = liveHeaders.GetValueOrDefault(name);
                if (recorded != sent)
                {
                    return $"header {name}: {recorded ?? "(absent)"}, not {sent ?? "(absent)"}";
                }
            }
        }
        return null;
    }

    private List<string> Query(string query) =>
        [.. QueryString.Parse(WireLog.RedactUrl("?" + query.TrimStart('?')))
            .Where(p => !_options.IgnoredQueryParameters.Contains(p.Key))
            .Select(p => p.Value is null ? p.Key : p.Key + "=" + p.Value)
            .Order(StringComparer.Ordinal)];

    private SecretNames Names(TrafficEntry entry)
    {
        var key = entry.Service + "/" + entry.Operation;
        return _names.GetOrAdd(key, _ =>
        {
            OperationModel? operation = null;
            if (entry.Service is { } service && entry.Operation is { } name && Model(service) is { } model && model.TryGetOperation(name, out var op))
            {
                operation = op;
            }
            return SecretNames.For(operation, _options.Redacted);
        });
    }

    private ServiceModel? Model(string service) => _models.GetOrAdd(service, s =>
    {
        var loader = _options.Models ?? ModelLoader.Default;
        return loader.Contains(s) ? loader.LoadService(s) : null;
    });

    private static bool SameBody(byte[] recorded, byte[] live)
    {
        if (recorded.AsSpan().SequenceEqual(live))
        {
            return true;
        }
        return BodyRedactor.TryParseJson(recorded) is { } a && BodyRedactor.TryParseJson(live) is { } b && JsonNode.DeepEquals(a, b);
    }

    private static string Preview(byte[] body)
    {
        var text = body.Length == 0 ? "(empty)" : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return body.Length > 300 ? text + "..." : text;
    }

    /// <summary>The live request's parts, read once.</summary>
    private sealed class Live(HttpRequestMessage request, byte[] body)
    {
        public string Method { get; } = request.Method.Method;
        public string Uri { get; } = WireLog.RedactUrl(request.RequestUri!.OriginalString);
        public string Path { get; } = request.RequestUri!.AbsolutePath;
        public string Query { get; } = request.RequestUri!.Query;
        public byte[] Body { get; } = body;
        public Dictionary<string, string> Headers { get; } = ServerMessages.Headers(request.Headers, request.Content?.Headers);
    }
}
