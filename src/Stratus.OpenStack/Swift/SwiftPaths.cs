namespace Stratus.OpenStack.Swift;

/// <summary>Swift's object paths: <c>/container/object</c>, as headers (<c>X-Copy-From</c>), bulk requests and manifests take them.</summary>
public static class SwiftPaths
{
    /// <summary>The URL-encoded path <c>/container/object</c> (the object's <c>/</c> kept).</summary>
    public static string Object(string container, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return "/" + Uri.EscapeDataString(container) + "/" + EncodeKey(key);
    }

    /// <summary>An object name URL-encoded with its <c>/</c> kept.</summary>
    public static string EncodeKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
    }
}
