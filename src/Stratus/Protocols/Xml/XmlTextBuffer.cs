using System.Xml;

namespace Stratus.Protocols.Xml;

/// <summary>
/// Reads an element's text into a per-thread buffer without making a string of it (numbers, booleans and
/// timestamps are parsed straight from the characters), and makes strings of short values through a per-thread
/// table, so the many repeated values of a large response (states, types, zones, names) share one string each.
/// </summary>
internal static class XmlTextBuffer
{
    [ThreadStatic]
    private static char[]? t_buffer;


    /// <summary>
    /// Reads the text content of an element (text, CDATA and whitespace; nested elements skipped) and returns it;
    /// valid until the thread's next read. <see cref="XmlShapeReader.ReadText"/> makes a string of it.
    /// </summary>
    public static ReadOnlySpan<char> Read(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return [];
        }
        reader.Read();
        var buffer = t_buffer ??= new char[256];
        var length = 0;
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (reader.CanReadValueChunk)
                    {
                        while (true)
                        {
                            if (length == buffer.Length)
                            {
                                buffer = Grow(buffer, length);
                            }
                            var read = reader.ReadValueChunk(buffer, length, buffer.Length - length);
                            if (read == 0)
                            {
                                break;
                            }
                            length += read;
                        }
                    }
                    else
                    {
                        var value = reader.Value;
                        while (buffer.Length - length < value.Length)
                        {
                            buffer = Grow(buffer, length);
                        }
                        value.CopyTo(buffer.AsSpan(length));
                        length += value.Length;
                    }
                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    reader.Skip();
                    break;
                case XmlNodeType.None:
                    throw new XmlException("The XML ended inside an element.");
                default:
                    reader.Read();
                    break;
            }
        }
        reader.Read();
        return buffer.AsSpan(0, length);
    }

    /// <summary>A string of the characters: for a short value, the thread's shared one (<see cref="SharedStrings"/>).</summary>
    public static string ToText(ReadOnlySpan<char> value) => SharedStrings.Get(value);

    private static char[] Grow(char[] buffer, int length)
    {
        var bigger = new char[buffer.Length * 2];
        buffer.AsSpan(0, length).CopyTo(bigger);
        t_buffer = bigger;
        return bigger;
    }
}
