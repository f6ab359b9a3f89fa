namespace Stratus.Storage;

/// <summary>What went wrong, the same on every provider.</summary>
public enum StorageErrorKind
{
    /// <summary>Anything else (see the inner exception).</summary>
    Other,

    /// <summary>The object does not exist.</summary>
    NotFound,

    /// <summary>The container does not exist.</summary>
    ContainerNotFound,

    /// <summary>The container cannot be deleted: it holds objects.</summary>
    ContainerNotEmpty,

    /// <summary>The container name is taken (by another account), or invalid for this provider.</summary>
    ContainerUnavailable,

    /// <summary>The credentials were refused or lack the permission.</summary>
    AccessDenied,

    /// <summary>The request was not valid for this provider (a name, a range, a size).</summary>
    InvalidRequest,
}
