using System.Text.Json;

namespace Stratus.Storage.FileSystem;

/// <summary>An object's sidecar (<c>name%m</c>): its content type, ETag and user metadata, as a small JSON file.</summary>
internal sealed record FileSidecar(string? ContentType, string? ETag, IReadOnlyDictionary<string, string> Metadata)
{
    public static FileSidecar Empty { get; } = new(null, null, ObjectInfo.EmptyMetadata);

    public static FileSidecar Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Written by hand (no sidecar): the file is the object, with no metadata.
            return Empty;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            // Surfaces as a StorageException (Other) like any other unreadable file.
            throw new IOException($"The sidecar {Path.GetFileName(path)} is not valid JSON: {e.Message}", e);
        }
        using var _ = document;
        var root = document.RootElement;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("metadata", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var item in map.EnumerateObject())
            {
                metadata[item.Name] = item.Value.GetString() ?? "";
            }
        }
        return new FileSidecar(Text(root, "contentType"), Text(root, "etag"), metadata);
    }

    public void Write(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        if (ContentType is not null)
        {
            writer.WriteString("contentType", ContentType);
        }
        if (ETag is not null)
        {
            writer.WriteString("etag", ETag);
        }
        writer.WriteStartObject("metadata");
        foreach (var (name, value) in Metadata.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name, value);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
