using System.Globalization;
using System.Text;

namespace Stratus.Storage.FileSystem;

/// <summary>
/// How keys become paths under a container folder: each <c>/</c>-separated segment is one folder or file name,
/// with <c>%</c>, control characters and the characters Windows forbids (<c>\ : * ? " &lt; &gt; |</c>) written
/// as <c>%XX</c>, an empty segment as <c>%_</c> and <c>.</c> as <c>%2E</c>. So an encoded name never holds
/// <c>%</c> followed by anything but two hex digits or <c>_</c>, which leaves the store's own suffixes free:
/// <c>%m</c> (an object's sidecar), <c>%o</c> (an object whose name is also a folder) and names starting with
/// <c>%t</c> (files being written).
/// </summary>
internal static class FileKeys
{
    public const string SidecarSuffix = "%m";
    public const string ShadowedSuffix = "%o";
    public const string TempPrefix = "%t";

    /// <summary>Rejects keys that cannot be mapped safely; returns the segments.</summary>
    public static string[] Segments(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw Invalid(key, "a key must not be empty");
        }
        if (key.Contains('\0', StringComparison.Ordinal))
        {
            throw Invalid(key, "a key must not contain NUL");
        }
        if (key[0] == '/')
        {
            throw Invalid(key, "a key must not be an absolute path");
        }
        if (!IsValidUtf16(key))
        {
            throw Invalid(key, "a key must be valid Unicode");
        }
        var segments = key.Split('/');
        if (segments.Any(static s => s == ".."))
        {
            throw Invalid(key, "a key must not contain a '..' segment");
        }
        return segments;
    }

    public static void CheckContainer(string container)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        if (container is "." or ".." || Encode(container) != container || container.Contains('/', StringComparison.Ordinal))
        {
            throw new StorageException(StorageErrorKind.InvalidRequest,
                $"file://{container}: a container name must be one plain folder name (no '/', '%', '\\', control characters, '.' or '..').")
            { Container = container };
        }
    }

    public static string Encode(string segment)
    {
        if (segment.Length == 0)
        {
            return "%_";
        }
        if (segment == ".")
        {
            return "%2E";
        }
        StringBuilder? sb = null;
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c < 0x20 || c == 0x7F || c is '%' or '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                sb ??= new StringBuilder(segment, 0, i, segment.Length + 8);
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb?.Append(c);
            }
        }
        return sb?.ToString() ?? segment;
    }

    /// <summary>The segment a name encodes, or null when the name is not one the store wrote.</summary>
    public static string? Decode(string name)
    {
        if (name == "%_")
        {
            return "";
        }
        if (!name.Contains('%', StringComparison.Ordinal))
        {
            return name;
        }
        var sb = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != '%')
            {
                sb.Append(name[i]);
                continue;
            }
            if (i + 2 >= name.Length)
            {
                return null;
            }
            if (!byte.TryParse(name.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }
            sb.Append((char)value);
            i += 2;
        }
        return sb.ToString();
    }

    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static StorageException Invalid(string key, string why) =>
        new(StorageErrorKind.InvalidRequest, $"'{key}': {why}.") { Key = key };
}
