namespace Stratus.Storage;

/// <summary>What an <see cref="ObjectStore"/> can do beyond the calls every store has.</summary>
[Flags]
public enum StoreCapabilities
{
    /// <summary>Nothing beyond the common calls.</summary>
    None = 0,

    /// <summary><see cref="ObjectStore.GetSignedUrl"/> works (GET; PUT when <see cref="SignedPutUrls"/>).</summary>
    SignedUrls = 1,

    /// <summary>Signed URLs for PUT as well as GET.</summary>
    SignedPutUrls = 2,

    /// <summary><see cref="ObjectStore.CopyAsync"/> copies on the server, without the data passing through the client.</summary>
    ServerSideCopy = 4,

    /// <summary>Large objects go up in parts, in parallel (S3 multipart, Swift SLO, Azure blocks).</summary>
    ParallelUpload = 8,

    /// <summary>Objects keep a content type.</summary>
    ContentType = 16,
}
