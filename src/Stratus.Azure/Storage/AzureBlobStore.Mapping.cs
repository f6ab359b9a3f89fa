using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;
using Stratus.Storage;

namespace Stratus.Azure.Storage;

public sealed partial class AzureBlobStore
{
    /// <summary>A failed call as a portable <see cref="StorageException"/>, by Azure's error code, else the status.</summary>
    internal static StorageException Map(StratusException error, string? container, string? key)
    {
        if (error is StorageException storage)
        {
            return storage;
        }
        var where = key is null ? $"az://{container}" : $"az://{container}/{key}";
        var kind = error switch
        {
            ServiceException s => Kind(s),
            ClientException { Kind: ClientErrorKind.InvalidInput } => StorageErrorKind.InvalidRequest,
            _ => StorageErrorKind.Other,
        };
        return new StorageException(kind, $"{where}: {error.Message}", error) { Container = container, Key = key };
    }

    private static StorageErrorKind Kind(ServiceException e) => e.ErrorCode switch
    {
        "BlobNotFound" => StorageErrorKind.NotFound,
        "ContainerNotFound" => StorageErrorKind.ContainerNotFound,
        "ContainerBeingDeleted" or "ContainerDisabled" => StorageErrorKind.ContainerUnavailable,
        "AuthorizationFailure" or "AuthenticationFailed" or "AuthorizationPermissionMismatch" or "AuthorizationResourceTypeMismatch"
            or "AuthorizationServiceMismatch" or "AuthorizationProtocolMismatch" or "AuthorizationSourceIPMismatch"
            or "InsufficientAccountPermissions" or "AccountIsDisabled" => StorageErrorKind.AccessDenied,
        "InvalidRange" or "InvalidResourceName" or "InvalidInput" or "InvalidQueryParameterValue" or "InvalidHeaderValue"
            or "OutOfRangeInput" or "InvalidMetadata" or "InvalidBlockId" or "InvalidBlockList" or "RequestBodyTooLarge"
            or "MissingRequiredHeader" or "InvalidUri" => StorageErrorKind.InvalidRequest,
        _ => e.StatusCode switch
        {
            401 or 403 => StorageErrorKind.AccessDenied,
            404 => StorageErrorKind.NotFound,
            400 or 411 or 413 or 416 => StorageErrorKind.InvalidRequest,
            _ => StorageErrorKind.Other,
        },
    };

    // Awaits a page fetch of an enumeration (where a yield cannot sit in a try), mapping its failure.
    private static async ValueTask<bool> Guard(ValueTask<bool> next, string? container, string? key)
    {
        try
        {
            return await next.ConfigureAwait(false);
        }
        catch (StratusException e)
        {
            throw Map(e, container, key);
        }
    }

    private static ObjectInfo Info(string container, string key, JsonObject result) => new()
    {
        Container = container,
        Key = key,
        Size = result["ContentLength"] is JsonValue length && NativeValues.TryGetInt64(length, out var l) ? l : 0,
        ETag = ETag(result["ETag"]),
        LastModified = Timestamp(result["LastModified"]),
        ContentType = result["ContentType"]?.GetValue<string>(),
        Metadata = Metadata(result["Metadata"]),
    };

    private static string? ETag(JsonNode? node) => node?.GetValue<string>().Trim('"');

    private static DateTimeOffset? Timestamp(JsonNode? node) => NativeValues.TryGetTimestamp(node, out var time) ? time : null;

    private static Dictionary<string, string> Metadata(JsonNode? node)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject map)
        {
            foreach (var (k, v) in map)
            {
                if (v is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    metadata[MetadataName.Decode(k.ToLowerInvariant())] = text;
                }
            }
        }
        return metadata;
    }

    // Azure metadata names are C# identifiers; the portable contract lowercases them and carries '-' as "__" (MetadataName).
    private static JsonObject MetadataInput(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var map = new JsonObject();
        foreach (var (k, v) in metadata)
        {
            map[MetadataName.Encode(k.ToLowerInvariant())] = v;
        }
        return map;
    }
}
