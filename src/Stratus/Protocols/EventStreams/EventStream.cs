using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Stratus.Protocols.EventStreams;

/// <summary>
/// An event stream output member: the events as they arrive, each <c>{"EventName": {...members}}</c>, read lazily
/// from the response body (never buffered). It can be enumerated once, synchronously or asynchronously;
/// disposing it closes the body. An error message in the stream is thrown as <see cref="EventStreamException"/>.
/// </summary>
public sealed class EventStream : IEnumerable<JsonObject>, IAsyncEnumerable<JsonObject>, IDisposable, IAsyncDisposable
{
    private readonly Stream _body;
    private readonly Func<EventStreamMessage, JsonObject?> _parse;
    private int _enumerated;

    internal EventStream(Stream body, Func<EventStreamMessage, JsonObject?> parse)
    {
        _body = body;
        _parse = parse;
    }

    /// <inheritdoc />
    public IEnumerator<JsonObject> GetEnumerator()
    {
        var reader = Start();
        while (reader.Read() is { } message)
        {
            if (_parse(message) is { } e)
            {
                yield return e;
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerator<JsonObject> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var reader = Start();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } message)
        {
            if (_parse(message) is { } e)
            {
                yield return e;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public void Dispose() => _body.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _body.DisposeAsync();

    private EventStreamReader Start() =>
        Interlocked.Exchange(ref _enumerated, 1) == 0
            ? new EventStreamReader(_body)
            : throw new InvalidOperationException("An event stream can be enumerated only once.");
}
