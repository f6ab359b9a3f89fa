using System.Collections.Frozen;
using System.Text.Json;
using Stratus.Models;

namespace Stratus.Protocols.RestXml;

/// <summary>
/// The root element a rest-xml server writes an output document under, and its namespace. Clients match
/// members, not the root, but some check it, so S3's documents carry S3's names: botocore's models lost
/// the Smithy <c>xmlName</c> of S3's output structures, so they are kept here.
/// </summary>
internal static class RestXmlDocuments
{
    /// <summary>S3's document namespace.</summary>
    public const string S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static readonly FrozenDictionary<string, string> S3Roots = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CompleteMultipartUpload"] = "CompleteMultipartUploadResult",
        ["CreateMultipartUpload"] = "InitiateMultipartUploadResult",
        ["CreateSession"] = "CreateSessionResult",
        ["DeleteObjects"] = "DeleteResult",
        ["GetBucketAccelerateConfiguration"] = "AccelerateConfiguration",
        ["GetBucketAcl"] = "AccessControlPolicy",
        ["GetBucketCors"] = "CORSConfiguration",
        ["GetBucketLifecycle"] = "LifecycleConfiguration",
        ["GetBucketLifecycleConfiguration"] = "LifecycleConfiguration",
        ["GetBucketLocation"] = "LocationConstraint",
        ["GetBucketLogging"] = "BucketLoggingStatus",
        ["GetBucketNotification"] = "NotificationConfiguration",
        ["GetBucketNotificationConfiguration"] = "NotificationConfiguration",
        ["GetBucketRequestPayment"] = "RequestPaymentConfiguration",
        ["GetBucketTagging"] = "Tagging",
        ["GetBucketVersioning"] = "VersioningConfiguration",
        ["GetBucketWebsite"] = "WebsiteConfiguration",
        ["GetObjectAcl"] = "AccessControlPolicy",
        ["GetObjectAttributes"] = "GetObjectAttributesResponse",
        ["GetObjectTagging"] = "Tagging",
        ["ListBucketAnalyticsConfigurations"] = "ListBucketAnalyticsConfigurationResult",
        ["ListBucketInventoryConfigurations"] = "ListInventoryConfigurationsResult",
        ["ListBucketMetricsConfigurations"] = "ListMetricsConfigurationsResult",
        ["ListBuckets"] = "ListAllMyBucketsResult",
        ["ListDirectoryBuckets"] = "ListAllMyDirectoryBucketsResult",
        ["ListMultipartUploads"] = "ListMultipartUploadsResult",
        ["ListObjectVersions"] = "ListVersionsResult",
        ["ListObjects"] = "ListBucketResult",
        ["ListObjectsV2"] = "ListBucketResult",
        ["ListParts"] = "ListPartsResult",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether the service is S3 (bare <c>&lt;Error&gt;</c> documents, S3's names and namespace).</summary>
    public static bool IsS3(ServiceMetadata metadata) => metadata.ServiceId == "S3";

    /// <summary>The root element of an output's body members: the output shape's own locationName, else S3's name, else <c>{Operation}Result</c>.</summary>
    public static string RootName(OperationModel operation, Shape output)
    {
        if (output.Definition.TryGetProperty("locationName", out var own) && own.ValueKind == JsonValueKind.String)
        {
            return own.GetString()!;
        }
        return IsS3(operation.Service.Metadata) && S3Roots.TryGetValue(operation.Name, out var s3) ? s3 : operation.Name + "Result";
    }

    /// <summary>The namespace a root element declares when its shape has none: S3's, else the model's xmlNamespace, if any.</summary>
    public static string? Namespace(ServiceMetadata metadata) => IsS3(metadata) ? S3Namespace : metadata.XmlNamespace;
}
