using Stratus.Storage;

namespace Stratus.Cli.Storage;

/// <summary>
/// Where an object or a file is: a provider's URL (<c>s3://bucket/key</c>, <c>swift://container/key</c>,
/// <c>az://container/blob</c>), a local path (a plain path or <c>file:///abs/path</c>), or <c>-</c> (standard
/// input or output). A provider URL without a container (<c>s3://</c>) names the provider's containers.
/// </summary>
internal sealed record Location
{
    /// <summary>The provider's scheme, lowercase; null for a local path or <c>-</c>.</summary>
    public string? Scheme { get; private init; }

    /// <summary>The container; empty for <c>scheme://</c> (all containers) and for local paths.</summary>
    public string Container { get; private init; } = "";

    /// <summary>The key or prefix in the container, or the local path.</summary>
    public string Path { get; private init; } = "";

    /// <summary>Whether this is a provider's object, prefix or container (not a local path or <c>-</c>).</summary>
    public bool IsRemote => Scheme is not null;

    /// <summary>Whether this is <c>-</c>: standard input as a source, standard output as a destination.</summary>
    public bool IsStandardStream { get; private init; }

    /// <summary>Reads a provider URL, a <c>file://</c> URL, <c>-</c> or a local path.</summary>
    /// <exception cref="Commands.UsageException">A malformed URL.</exception>
    public static Location Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "-")
        {
            return new Location { Path = "-", IsStandardStream = true };
        }
        if (text.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            // Only absolute file URLs (file:///abs/path): file://name would name a host.
            if (!text.StartsWith("file:///", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(text, UriKind.Absolute, out var file))
            {
                throw new Commands.UsageException($"Invalid file URL '{text}': expected file:///absolute/path");
            }
            var path = file.LocalPath;
            // Uri drops nothing, but keep a trailing slash visible: it says "a directory".
            return new Location { Path = text.EndsWith('/') && !path.EndsWith('/') ? path + "/" : path };
        }
        var sep = text.IndexOf("://", StringComparison.Ordinal);
        if (sep < 0)
        {
            return new Location { Path = text };
        }
        if (text.Length == sep + 3 && sep > 0 && text[..sep].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            return new Location { Scheme = text[..sep].ToLowerInvariant() };
        }
        if (!StorageUrl.TryParse(text, out var url))
        {
            throw new Commands.UsageException($"Invalid storage URL '{text}': expected scheme://container[/key] (s3://, swift://, az://) or a local path");
        }
        return new Location { Scheme = url.Scheme, Container = url.Container, Path = url.Key };
    }

    /// <summary>Whether this names a directory or prefix rather than one object: an empty key, or one ending in <c>/</c>.</summary>
    public bool IsDirectoryLike => IsRemote ? Path.Length == 0 || Path.EndsWith('/') : Path.EndsWith('/') || Path.EndsWith(System.IO.Path.DirectorySeparatorChar) || Directory.Exists(Path);

    /// <summary>This location taken as a directory or prefix: ends with <c>/</c> unless it is the container's root.</summary>
    public Location AsDirectory() =>
        !IsRemote || Path.Length == 0 || Path.EndsWith('/') ? this : this with { Path = Path + "/" };

    /// <summary>The location of <paramref name="relative"/> (with <c>/</c> separators) inside this directory or prefix.</summary>
    public Location Child(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        if (IsRemote)
        {
            return this with { Path = AsDirectory().Path + relative };
        }
        var local = relative.Replace('/', System.IO.Path.DirectorySeparatorChar);
        return this with { Path = Path.EndsWith('/') || Path.EndsWith(System.IO.Path.DirectorySeparatorChar) ? Path + local : Path + System.IO.Path.DirectorySeparatorChar + local };
    }

    /// <summary>The last segment of the key or path.</summary>
    public string Name
    {
        get
        {
            var trimmed = Path.TrimEnd('/', System.IO.Path.DirectorySeparatorChar);
            var slash = trimmed.LastIndexOfAny(['/', System.IO.Path.DirectorySeparatorChar]);
            return slash < 0 ? trimmed : trimmed[(slash + 1)..];
        }
    }

    /// <summary>As it is shown: <c>scheme://container/key</c>, or the local path.</summary>
    public override string ToString() => IsRemote ? $"{Scheme}://{Container}{(Path.Length > 0 ? "/" : "")}{Path}" : Path;
}
