namespace Stratus.Storage;

/// <summary>
/// A portable storage URL, <c>scheme://container/key</c> (<c>s3://bucket/a/b.txt</c>, <c>swift://c/k</c>,
/// <c>az://container/blob</c>); the key may be empty (a whole container, or a prefix ending in <c>/</c>).
/// </summary>
/// <param name="Scheme">The provider's scheme, lowercase.</param>
/// <param name="Container">The container (bucket).</param>
/// <param name="Key">The key or prefix, possibly empty.</param>
public readonly record struct StorageUrl(string Scheme, string Container, string Key)
{
    /// <summary>Parses <c>scheme://container/key</c>; false when the text is not of that form.</summary>
    public static bool TryParse(string text, out StorageUrl url)
    {
        url = default;
        var sep = text?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (sep <= 0)
        {
            return false;
        }
        var scheme = text![..sep].ToLowerInvariant();
        var rest = text[(sep + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? rest : rest[..slash];
        if (container.Length == 0 || !scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            return false;
        }
        url = new StorageUrl(scheme, container, slash < 0 ? "" : rest[(slash + 1)..]);
        return true;
    }

    /// <summary>The URL as text.</summary>
    public override string ToString() => $"{Scheme}://{Container}/{Key}";
}
