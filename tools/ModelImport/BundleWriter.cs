using System.Buffers;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.ModelImport;

/// <summary>Writes minified JSON, Brotli-compressed (quality 11), byte-for-byte reproducibly.</summary>
internal static class BundleWriter
{
    /// <summary>Brotli quality and window (log2 of the size): the maximum for both.</summary>
    public const int Quality = 11, Window = 24;

    /// <summary>The largest file allowed in the bundle.</summary>
    public const long MaxFileSize = 4L * 1024 * 1024;

    private static readonly JsonWriterOptions Minified = new()
    {
        Indented = false,
        // Keeps '<', '>', '&', '+', quotes and non-ASCII text as they are, instead of \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes a JSON object to minified UTF-8 JSON, written property by property.</summary>
    public static byte[] MinifyObject(IEnumerable<KeyValuePair<string, JsonNode?>> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Minified))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in properties)
            {
                writer.WritePropertyName(key);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes a JSON node to minified UTF-8 JSON.</summary>
    public static byte[] Minify(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Minified))
        {
            node.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Compresses with Brotli at quality 11.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
        if (!BrotliEncoder.TryCompress(data, output, out var written, Quality, Window))
        {
            throw new ImportException("Brotli compression failed");
        }
        return output.AsSpan(0, written).ToArray();
    }

    /// <summary>Writes a file, refusing any larger than <see cref="MaxFileSize"/>.</summary>
    public static void Write(string path, byte[] bytes)
    {
        if (bytes.Length > MaxFileSize)
        {
            throw new ImportException($"{path} would be {bytes.Length} bytes, over the {MaxFileSize} byte limit");
        }
        File.WriteAllBytes(path, bytes);
    }
}
