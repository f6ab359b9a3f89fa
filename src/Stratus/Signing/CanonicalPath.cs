using Stratus.Protocols;

namespace Stratus.Signing;

/// <summary>The canonical URI of SigV4: the path, optionally normalized and percent-encoded a second time.</summary>
public static class CanonicalPath
{
    /// <summary>Builds the canonical path from the path as sent (already percent-encoded once).</summary>
    /// <param name="encodedPath">The path on the request line.</param>
    /// <param name="doubleEncode">Encode it again (every service except S3).</param>
    /// <param name="normalize">Remove dot segments and empty segments first (every service except S3).</param>
    public static string Build(string encodedPath, bool doubleEncode, bool normalize)
    {
        var path = string.IsNullOrEmpty(encodedPath) ? "/" : encodedPath;
        if (normalize)
        {
            path = Normalize(path);
        }
        return doubleEncode ? UriEncoding.Encode(path, "/") : path;
    }

    /// <summary>
    /// Removes '.' and '..' segments and collapses repeated slashes; keeps a trailing slash
    /// (also one implied by a final dot segment). The result always starts with '/'.
    /// </summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<string>();
        var trailingSlash = false;
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "":
                    continue;
                case ".":
                    trailingSlash = true;
                    continue;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }
                    trailingSlash = true;
                    continue;
                default:
                    segments.Add(segment);
                    trailingSlash = false;
                    continue;
            }
        }
        if (path.EndsWith('/'))
        {
            trailingSlash = true;
        }
        if (segments.Count == 0)
        {
            return "/";
        }
        var result = "/" + string.Join('/', segments);
        return trailingSlash ? result + "/" : result;
    }
}
