namespace Stratus.Testing.Services.S3;

/// <summary>S3's documented limits.</summary>
internal static class S3Limits
{
    /// <summary>The smallest part but the last of a multipart upload: 5 MiB.</summary>
    public const long MinPartSize = 5L * 1024 * 1024;

    /// <summary>The largest single PUT and the largest part: 5 GiB.</summary>
    public const long MaxPutSize = 5L * 1024 * 1024 * 1024;

    /// <summary>Part numbers run from 1 to 10,000.</summary>
    public const int MaxPartNumber = 10_000;

    /// <summary>The longest key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>The largest user metadata (names and values, in UTF-8 bytes).</summary>
    public const int MaxMetadataBytes = 2048;

    /// <summary>The most keys a listing returns, and the default.</summary>
    public const int MaxListKeys = 1000;

    /// <summary>The most keys one DeleteObjects call may name.</summary>
    public const int MaxDeleteKeys = 1000;
}
