using System.IO.Compression;
using System.Text.Json;

namespace Stratus.Models;

/// <summary>Reads model files: plain <c>.json</c> or gzip-compressed <c>.json.gz</c>, and decompressing streams.</summary>
internal static class ModelFiles
{
    /// <summary>Lenient enough for hand-written override files; deep enough for endpoint rule sets.</summary>
    public static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>The path of <paramref name="stem"/> (a path without extension) as <c>.json</c> or <c>.json.gz</c>, or null when neither exists.</summary>
    public static string? Find(string stem) =>
        File.Exists(stem + ".json") ? stem + ".json" : File.Exists(stem + ".json.gz") ? stem + ".json.gz" : null;

    /// <summary>Parses a <c>.json</c> or <c>.json.gz</c> file.</summary>
    public static JsonDocument ParseFile(string path)
    {
        try
        {
            if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                return JsonDocument.Parse(File.ReadAllBytes(path), Options);
            }
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            return ParseStream(gzip, 0);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads a (decompressing) stream to its end and parses it; <paramref name="sizeHint"/> presizes the buffer.</summary>
    public static JsonDocument ParseStream(Stream stream, long sizeHint)
    {
        var buffer = new MemoryStream(sizeHint is > 0 and < int.MaxValue ? (int)sizeHint : 0);
        stream.CopyTo(buffer);
        // The document keeps reading the buffer: it is never disposed (models are cached for the loader's life).
        return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), Options);
    }
}
