using System.Globalization;
using System.Text;

namespace Stratus.Bench.Payloads;

/// <summary>S3 responses as S3 renders them (rest-xml).</summary>
public static class S3Payloads
{
    /// <summary>A ListObjectsV2 result with <paramref name="keys"/> objects, not truncated.</summary>
    public static byte[] ListObjectsV2(int keys)
    {
        var sb = new StringBuilder(keys * 330 + 512);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        sb.Append("<Name>").Append(Fixture.Bucket).Append("</Name><Prefix></Prefix>");
        sb.Append("<KeyCount>").Append(keys).Append("</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        for (var i = 0; i < keys; i++)
        {
            var modified = Fixture.Epoch.AddMinutes(-i * 7).UtcDateTime;
            sb.Append("<Contents><Key>data/2025/11/part-")
                .Append(i.ToString("D5", CultureInfo.InvariantCulture))
                .Append("-c000.snappy.parquet</Key><LastModified>")
                .Append(modified.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                .Append("</LastModified><ETag>&quot;")
                .Append(HexOf(i))
                .Append("&quot;</ETag><ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm><ChecksumType>FULL_OBJECT</ChecksumType><Size>")
                .Append(1_048_576 + i * 977)
                .Append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        sb.Append("</ListBucketResult>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string HexOf(int i)
    {
        Span<byte> b = stackalloc byte[16];
        for (var j = 0; j < 16; j++)
        {
            b[j] = (byte)((i * 31 + j * 17) & 0xff);
        }
        return Convert.ToHexStringLower(b);
    }
}
