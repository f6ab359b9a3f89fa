namespace Stratus.Cli.S3;

/// <summary>A file or a directory on disk, or an object or a prefix in S3 (<c>s3://bucket/key</c>).</summary>
/// <param name="Bucket">The bucket; null for a local path.</param>
/// <param name="Path">The key (or prefix) in S3, or the local path as given.</param>
internal readonly record struct Place(string? Bucket, string Path)
{
    /// <summary>Whether this is in S3.</summary>
    public bool IsS3 => Bucket is not null;

    /// <summary>Reads <c>s3://bucket/key</c> or a local path.</summary>
    /// <exception cref="Commands.UsageException">An S3 URL without a bucket.</exception>
    public static Place Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return new Place(null, text);
        }
        var rest = text[5..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            throw new Commands.UsageException($"Invalid S3 URL '{text}': expected s3://bucket[/key]");
        }
        return new Place(bucket, slash < 0 ? "" : rest[(slash + 1)..]);
    }

    /// <summary>This place taken as a directory or prefix: ends with <c>/</c> unless it is the bucket's root.</summary>
    public Place AsDirectory() =>
        Path.Length == 0 || Path.EndsWith('/') ? this : this with { Path = Path + "/" };

    /// <summary>The place of <paramref name="relative"/> (with <c>/</c> separators) inside this directory or prefix.</summary>
    public Place Child(string relative)
    {
        if (IsS3)
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
            var trimmed = Path.TrimEnd('/');
            var slash = trimmed.LastIndexOf('/');
            return slash < 0 ? trimmed : trimmed[(slash + 1)..];
        }
    }

    /// <summary>As the AWS CLI shows it: <c>s3://bucket/key</c>, or the local path.</summary>
    public override string ToString() => IsS3 ? $"s3://{Bucket}/{Path}" : Path;
}
