using System.Globalization;
using System.Xml;

namespace Stratus.Bench.Floor;

/// <summary>Parses a ListObjectsV2 result with an XmlReader into typed entries.</summary>
public static class S3ListParser
{
    internal static readonly XmlReaderSettings Settings = new()
    {
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    public static List<S3ObjectEntry> Parse(Stream xml, out bool truncated)
    {
        var result = new List<S3ObjectEntry>(1000);
        truncated = false;
        using var reader = XmlReader.Create(xml, Settings);
        reader.MoveToContent();
        reader.ReadStartElement("ListBucketResult");
        while (reader.NodeType == XmlNodeType.Element)
        {
            switch (reader.LocalName)
            {
                case "Contents":
                    result.Add(ReadEntry(reader));
                    break;
                case "IsTruncated":
                    truncated = reader.ReadElementContentAsString() == "true";
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return result;
    }

    private static S3ObjectEntry ReadEntry(XmlReader reader)
    {
        string key = "", etag = "", storageClass = "";
        string? checksum = null;
        DateTime modified = default;
        long size = 0;
        reader.ReadStartElement();
        while (reader.NodeType == XmlNodeType.Element)
        {
            switch (reader.LocalName)
            {
                case "Key": key = reader.ReadElementContentAsString(); break;
                case "LastModified": modified = DateTime.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal); break;
                case "ETag": etag = reader.ReadElementContentAsString(); break;
                case "Size": size = long.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture); break;
                case "StorageClass": storageClass = reader.ReadElementContentAsString(); break;
                case "ChecksumAlgorithm": checksum = reader.ReadElementContentAsString(); break;
                default: reader.Skip(); break;
            }
        }
        reader.ReadEndElement();
        return new S3ObjectEntry(key, modified, etag, size, storageClass, checksum);
    }
}
