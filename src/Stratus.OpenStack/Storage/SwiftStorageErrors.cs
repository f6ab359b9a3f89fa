using Stratus.Client;
using Stratus.Storage;

namespace Stratus.OpenStack.Storage;

/// <summary>Maps Swift's failures to the portable <see cref="StorageErrorKind"/>s.</summary>
internal static class SwiftStorageErrors
{
    /// <summary>What a call on a container or an object failed with; <paramref name="containerCall"/> turns 404 into ContainerNotFound.</summary>
    public static StorageException Map(StratusException error, string? container, string? key, bool containerCall = false)
    {
        var kind = error switch
        {
            ServiceException { StatusCode: 404 } => containerCall || key is null ? StorageErrorKind.ContainerNotFound : StorageErrorKind.NotFound,
            ServiceException { StatusCode: 409 } when containerCall => StorageErrorKind.ContainerNotEmpty,
            ServiceException { StatusCode: 401 or 403 } => StorageErrorKind.AccessDenied,
            ServiceException { StatusCode: 400 or 411 or 412 or 413 or 416 or 422 } => StorageErrorKind.InvalidRequest,
            ClientException { Kind: ClientErrorKind.Credentials } => StorageErrorKind.AccessDenied,
            ClientException { Kind: ClientErrorKind.InvalidInput } => StorageErrorKind.InvalidRequest,
            _ => StorageErrorKind.Other,
        };
        var what = key is null ? $"swift://{container}" : $"swift://{container}/{key}";
        return new StorageException(kind, $"{what}: {error.Message}", error) { Container = container, Key = key };
    }
}
