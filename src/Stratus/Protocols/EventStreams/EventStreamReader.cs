using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.Protocols.EventStreams;

/// <summary>
/// Decodes <c>application/vnd.amazon.eventstream</c> messages one at a time from a stream:
/// a 12-byte prelude (total length, headers length, prelude CRC), the headers, the payload and a CRC of the whole message.
/// Both CRCs are checked. One body serves the sync and async paths.
/// </summary>
internal sealed class EventStreamReader
{
    private const int PreludeLength = 12;
    private const int MaxMessageLength = 24 * 1024 * 1024;
    private readonly Stream _body;

    /// <summary>Creates a reader over a response body.</summary>
    public EventStreamReader(Stream body) => _body = body;

    /// <summary>Reads the next message, or null at the end of the body.</summary>
    public EventStreamMessage? Read()
    {
        // With async: false nothing is awaited, so the task is complete when it returns.
        var read = ReadAsync(async: false, default);
        return read.IsCompleted ? read.Result : read.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Reads the next message, or null at the end of the body.</summary>
    public ValueTask<EventStreamMessage?> ReadAsync(CancellationToken cancellationToken) => ReadAsync(async: true, cancellationToken);

    private async ValueTask<EventStreamMessage?> ReadAsync(bool async, CancellationToken cancellationToken)
    {
        var prelude = new byte[PreludeLength];
        var got = await FillAsync(prelude, async, cancellationToken).ConfigureAwait(false);
        if (got == 0)
        {
            return null;
        }
        if (got < PreludeLength)
        {
            throw new InvalidDataException("The event stream ended inside a message prelude.");
        }
        var total = BinaryPrimitives.ReadInt32BigEndian(prelude);
        var headersLength = BinaryPrimitives.ReadInt32BigEndian(prelude.AsSpan(4));
        if (Crc32.Append(0, prelude.AsSpan(0, 8)) != BinaryPrimitives.ReadUInt32BigEndian(prelude.AsSpan(8)))
        {
            throw new InvalidDataException("An event stream message prelude failed its CRC check.");
        }
        if (total < PreludeLength + 4 || total > MaxMessageLength || headersLength < 0 || headersLength > total - PreludeLength - 4)
        {
            throw new InvalidDataException($"An event stream message has invalid lengths (total {total}, headers {headersLength}).");
        }
        var message = new byte[total];
        prelude.CopyTo(message, 0);
        if (await FillAsync(message.AsMemory(PreludeLength), async, cancellationToken).ConfigureAwait(false) < total - PreludeLength)
        {
            throw new InvalidDataException("The event stream ended inside a message.");
        }
        if (Crc32.Append(0, message.AsSpan(0, total - 4)) != BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(total - 4)))
        {
            throw new InvalidDataException("An event stream message failed its CRC check.");
        }
        var headers = ParseHeaders(message.AsSpan(PreludeLength, headersLength));
        var payloadStart = PreludeLength + headersLength;
        return new EventStreamMessage(headers, message.AsMemory(payloadStart, total - 4 - payloadStart));
    }

    private async ValueTask<int> FillAsync(Memory<byte> buffer, bool async, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var n = async
                ? await _body.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false)
                : _body.Read(buffer.Span[filled..]);
            if (n == 0)
            {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static JsonObject ParseHeaders(ReadOnlySpan<byte> bytes)
    {
        var headers = new JsonObject();
        var i = 0;
        while (i < bytes.Length)
        {
            var nameLength = bytes[i++];
            var name = Encoding.UTF8.GetString(bytes.Slice(i, nameLength));
            i += nameLength;
            var type = bytes[i++];
            JsonNode value;
            switch (type)
            {
                case 0: value = true; break;
                case 1: value = false; break;
                case 2: value = (sbyte)bytes[i]; i += 1; break;
                case 3: value = BinaryPrimitives.ReadInt16BigEndian(bytes[i..]); i += 2; break;
                case 4: value = BinaryPrimitives.ReadInt32BigEndian(bytes[i..]); i += 4; break;
                case 5: value = BinaryPrimitives.ReadInt64BigEndian(bytes[i..]); i += 8; break;
                case 6:
                case 7:
                    var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
                    i += 2;
                    var data = bytes.Slice(i, length);
                    value = type == 6 ? NativeValues.Blob(data.ToArray()) : JsonValue.Create(Encoding.UTF8.GetString(data));
                    i += length;
                    break;
                case 8:
                    value = NativeValues.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes[i..])));
                    i += 8;
                    break;
                case 9:
                    value = new Guid(bytes.Slice(i, 16), bigEndian: true).ToString();
                    i += 16;
                    break;
                default:
                    throw new InvalidDataException($"Event stream header '{name}' has unknown type {type}.");
            }
            headers[name] = value;
        }
        return headers;
    }
}
