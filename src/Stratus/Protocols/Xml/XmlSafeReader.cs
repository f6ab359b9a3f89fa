using System.Runtime.InteropServices;
using System.Xml;

namespace Stratus.Protocols.Xml;

/// <summary>
/// Creates XML readers for response bodies that cannot be turned against the client: DTDs are
/// refused (so no entity can be declared, let alone expanded), nothing is resolved from outside,
/// and comments and processing instructions are skipped. Whitespace is kept, because a
/// whitespace-only string value is still a value.
/// </summary>
internal static class XmlSafeReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    /// <summary>Creates a reader over a body held in memory.</summary>
    public static XmlReader Create(ReadOnlyMemory<byte> body)
    {
        var stream = MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        return XmlReader.Create(stream, Settings);
    }

    /// <summary>Creates a reader positioned on the root element, or returns null when the body holds no element.</summary>
    public static XmlReader? OpenRoot(ReadOnlyMemory<byte> body)
    {
        if (IsBlank(body.Span))
        {
            return null;
        }
        var reader = Create(body);
        if (reader.MoveToContent() == XmlNodeType.Element)
        {
            return reader;
        }
        reader.Dispose();
        return null;
    }

    /// <summary>Whether a body is empty or only whitespace.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }
        return true;
    }
}
