using System.Xml;

namespace Stratus.Protocols.Xml;

/// <summary>
/// Reads an element's text into a per-thread buffer without making a string of it (numbers, booleans and
/// timestamps are parsed straight from the characters), and makes strings of short values through a per-thread
/// table, so the many repeated values of a large response (states, types, zones, names) share one string each.
/// </summary>
internal static class XmlTextBuffer
{
    // Values up to this long are looked up; longer ones are mostly unique (ids, names, URLs).
    private const int ShortValue = 32;

    // Past this many distinct short values the table starts over, which keeps it small whatever the responses hold.
    private const int TableLimit = 4096;

    [ThreadStatic]
    private static char[]? t_buffer;

    [ThreadStatic]
    private static Dictionary<string, string>? t_table;

    /// <summary>
    /// Reads the text content of an element as <see cref="XmlShapeReader.ReadText"/> does (text, CDATA and
    /// whitespace; nested elements skipped) and returns it; valid until the thread's next read.
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

    /// <summary>A string of the characters: for a short value, the thread's shared one.</summary>
    public static string ToText(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
        {
            return "";
        }
        if (value.Length > ShortValue)
        {
            return new string(value);
        }
        var table = t_table ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var known))
        {
            return known;
        }
        if (table.Count >= TableLimit)
        {
            table.Clear();
        }
        var text = new string(value);
        table[text] = text;
        return text;
    }

    private static char[] Grow(char[] buffer, int length)
    {
        var bigger = new char[buffer.Length * 2];
        buffer.AsSpan(0, length).CopyTo(bigger);
        t_buffer = bigger;
        return bigger;
    }
}
