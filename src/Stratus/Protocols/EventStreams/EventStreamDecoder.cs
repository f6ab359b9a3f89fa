using System.Buffers.Binary;
using System.Text;

namespace Stratus.Protocols.EventStreams;

/// <summary>
/// Reads the binary event-stream framing: each message is a 12-byte prelude (total length, headers
/// length, CRC of both), the headers, the payload and a CRC of the whole message. Messages are read
/// one at a time, as the stream delivers them.
/// </summary>
internal static class EventStreamDecoder
{
    private const int PreludeLength = 12;
    private const int MinimumLength = PreludeLength + 4;
    private const int MaximumLength = 24 * 1024 * 1024;

    /// <summary>Reads messages until the stream ends.</summary>
    /// <exception cref="InvalidDataException">A message is truncated, too large, or fails its checksum.</exception>
    public static IEnumerable<EventStreamMessage> ReadAll(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prelude = new byte[PreludeLength];
        while (true)
        {
            var got = stream.ReadAtLeast(prelude, PreludeLength, throwOnEndOfStream: false);
            if (got == 0)
            {
                yield break;
            }
            if (got < PreludeLength)
            {
                throw new InvalidDataException("The event stream ends inside a message prelude.");
            }
            var total = BinaryPrimitives.ReadInt32BigEndian(prelude);
            var headersLength = BinaryPrimitives.ReadInt32BigEndian(prelude.AsSpan(4));
            if (total is < MinimumLength or > MaximumLength || headersLength < 0 || headersLength > total - MinimumLength)
            {
                throw new InvalidDataException($"An event stream message declares an invalid length ({total}, headers {headersLength}).");
            }
            if (Crc32.Compute(prelude.AsSpan(0, 8)) != BinaryPrimitives.ReadUInt32BigEndian(prelude.AsSpan(8)))
            {
                throw new InvalidDataException("An event stream message prelude fails its checksum.");
            }
            var message = new byte[total];
            prelude.CopyTo(message, 0);
            stream.ReadExactly(message, PreludeLength, total - PreludeLength);
            if (Crc32.Compute(message.AsSpan(0, total - 4)) != BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(total - 4)))
            {
                throw new InvalidDataException("An event stream message fails its checksum.");
            }
            var headers = ReadHeaders(message.AsSpan(PreludeLength, headersLength));
            var payload = message.AsSpan(PreludeLength + headersLength, total - MinimumLength - headersLength).ToArray();
            yield return new EventStreamMessage(headers, payload);
        }
    }

    private static Dictionary<string, object> ReadHeaders(ReadOnlySpan<byte> data)
    {
        var headers = new Dictionary<string, object>(StringComparer.Ordinal);
        var i = 0;
        while (i < data.Length)
        {
            var nameLength = data[i++];
            var name = Encoding.UTF8.GetString(data.Slice(i, nameLength));
            i += nameLength;
            var type = data[i++];
            object value;
            switch (type)
            {
                case 0: value = true; break;
                case 1: value = false; break;
                case 2: value = (sbyte)data[i]; i += 1; break;
                case 3: value = BinaryPrimitives.ReadInt16BigEndian(data[i..]); i += 2; break;
                case 4: value = BinaryPrimitives.ReadInt32BigEndian(data[i..]); i += 4; break;
                case 5: value = BinaryPrimitives.ReadInt64BigEndian(data[i..]); i += 8; break;
                case 6:
                case 7:
                    var length = BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
                    i += 2;
                    value = type == 6 ? data.Slice(i, length).ToArray() : Encoding.UTF8.GetString(data.Slice(i, length));
                    i += length;
                    break;
                case 8: value = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(data[i..])); i += 8; break;
                case 9: value = new Guid(data.Slice(i, 16), bigEndian: true); i += 16; break;
                default: throw new InvalidDataException($"Event stream header '{name}' has unknown type {type}.");
            }
            headers[name] = value;
        }
        return headers;
    }
}
