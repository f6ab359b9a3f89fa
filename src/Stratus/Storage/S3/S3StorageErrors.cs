using Stratus.Client;

namespace Stratus.Storage.S3;

/// <summary>Maps S3's errors (and S3-compatible servers', which use the same codes) to portable storage errors.</summary>
internal static class S3StorageErrors
{
    public static StorageException Map(StratusException error, string? container, string? key)
    {
        var kind = error switch
        {
            ServiceException s => KindOf(s.ErrorCode, s.StatusCode, key is not null),
            ClientException { Kind: ClientErrorKind.InvalidInput } => StorageErrorKind.InvalidRequest,
            ClientException { Kind: ClientErrorKind.Credentials } => StorageErrorKind.AccessDenied,
            _ => StorageErrorKind.Other,
        };
        var where = key is null ? $"s3://{container}" : $"s3://{container}/{key}";
        return new StorageException(kind, $"{where}: {error.Message}", error) { Container = container, Key = key };
    }

    /// <summary>The portable kind of an S3 error code (falling back on the status when the code says little, as for HEAD).</summary>
    public static StorageErrorKind KindOf(string code, int status, bool hasKey) => code switch
    {
        "NoSuchKey" => StorageErrorKind.NotFound,
        "NoSuchBucket" => StorageErrorKind.ContainerNotFound,
        "BucketNotEmpty" => StorageErrorKind.ContainerNotEmpty,
        "BucketAlreadyExists" or "InvalidBucketName" or "TooManyBuckets" => StorageErrorKind.ContainerUnavailable,
        "AccessDenied" or "SignatureDoesNotMatch" or "InvalidAccessKeyId" or "AllAccessDisabled" or "ExpiredToken"
            or "InvalidToken" or "AccountProblem" => StorageErrorKind.AccessDenied,
        "InvalidRange" or "InvalidArgument" or "InvalidRequest" or "EntityTooSmall" or "EntityTooLarge" or "KeyTooLongError"
            or "MetadataTooLarge" or "InvalidDigest" or "BadDigest" or "InvalidPart" or "InvalidPartOrder" => StorageErrorKind.InvalidRequest,
        _ => status switch
        {
            404 => hasKey ? StorageErrorKind.NotFound : StorageErrorKind.ContainerNotFound,
            401 or 403 => StorageErrorKind.AccessDenied,
            400 or 411 or 416 => StorageErrorKind.InvalidRequest,
            409 => StorageErrorKind.ContainerUnavailable,
            _ => StorageErrorKind.Other,
        },
    };

    public static bool IsNotFound(StratusException error) =>
        error is ServiceException { StatusCode: 404 } or ServiceException { ErrorCode: "NoSuchKey" or "NotFound" };

    public static bool Is(StratusException error, string code) => error is ServiceException s && s.ErrorCode == code;
}
