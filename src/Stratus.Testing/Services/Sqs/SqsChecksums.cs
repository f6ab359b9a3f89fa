using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Stratus.Testing.Services.Sqs;

/// <summary>The digests SQS returns so clients can check what it stored: MD5 of the body and of the message attributes.</summary>
internal static class SqsChecksums
{
    /// <summary>The lower-case hex MD5 of the text's UTF-8 bytes (<c>MD5OfMessageBody</c>).</summary>
    public static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// <c>MD5OfMessageAttributes</c> as AWS documents it: over the attributes sorted by name, each encoded as
    /// name, data type, a transport byte (1 text, 2 binary) and value, every string and value preceded by its
    /// 4-byte big-endian length. Null when there are no attributes.
    /// </summary>
    public static string? AttributesMd5(IEnumerable<KeyValuePair<string, SqsAttributeValue>> attributes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var any = false;
        foreach (var (name, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            any = true;
            AppendWithLength(hash, Encoding.UTF8.GetBytes(name));
            AppendWithLength(hash, Encoding.UTF8.GetBytes(value.DataType));
            if (value.IsBinary)
            {
                hash.AppendData([2]);
                AppendWithLength(hash, value.BinaryValue ?? []);
            }
            else
            {
                hash.AppendData([1]);
                AppendWithLength(hash, Encoding.UTF8.GetBytes(value.StringValue ?? ""));
            }
        }
        return any ? Convert.ToHexStringLower(hash.GetHashAndReset()) : null;
    }

    private static void AppendWithLength(IncrementalHash hash, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
