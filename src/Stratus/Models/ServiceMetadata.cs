using System.Text.Json;

namespace Stratus.Models;

/// <summary>The <c>metadata</c> block of a service model.</summary>
public sealed class ServiceMetadata
{
    internal ServiceMetadata(JsonElement? m)
    {
        ApiVersion = JsonModel.Str(m, "apiVersion") ?? "";
        EndpointPrefix = JsonModel.Str(m, "endpointPrefix") ?? "";
        ServiceId = JsonModel.Str(m, "serviceId") ?? JsonModel.Str(m, "serviceAbbreviation") ?? EndpointPrefix;
        ServiceFullName = JsonModel.Str(m, "serviceFullName") ?? ServiceId;
        SigningName = JsonModel.Str(m, "signingName") ?? EndpointPrefix;
        SignatureVersion = JsonModel.Str(m, "signatureVersion") ?? "v4";
        JsonVersion = JsonModel.Str(m, "jsonVersion") ?? "1.0";
        TargetPrefix = JsonModel.Str(m, "targetPrefix");
        XmlNamespace = JsonModel.Str(m, "xmlNamespace");
        GlobalEndpoint = JsonModel.Str(m, "globalEndpoint");
        AwsQueryCompatible = JsonModel.Has(m, "awsQueryCompatible");
        var protocol = JsonModel.Str(m, "protocol");
        var list = JsonModel.Strings(m, "protocols");
        Protocols = list.Length > 0 ? list : protocol is null ? [] : [protocol];
        Protocol = protocol ?? (list.Length > 0 ? list[0] : "");
        Auth = JsonModel.Strings(m, "auth");
    }

    /// <summary>The API version, for example <c>2016-11-15</c>.</summary>
    public string ApiVersion { get; }
    /// <summary>The endpoint prefix, for example <c>ec2</c>.</summary>
    public string EndpointPrefix { get; }
    /// <summary>The service id, for example <c>EC2</c>.</summary>
    public string ServiceId { get; }
    /// <summary>The service's full name.</summary>
    public string ServiceFullName { get; }
    /// <summary>The name used in signatures.</summary>
    public string SigningName { get; }
    /// <summary>The signature version: v4, s3v4, v2, s3, bearer, ...</summary>
    public string SignatureVersion { get; }
    /// <summary>The JSON protocol version (1.0 or 1.1).</summary>
    public string JsonVersion { get; }
    /// <summary>The X-Amz-Target prefix for JSON protocols.</summary>
    public string? TargetPrefix { get; }
    /// <summary>The XML namespace of query and ec2 responses.</summary>
    public string? XmlNamespace { get; }
    /// <summary>The global endpoint, if any.</summary>
    public string? GlobalEndpoint { get; }
    /// <summary>Whether the service keeps query-protocol error codes when spoken over JSON or CBOR.</summary>
    public bool AwsQueryCompatible { get; }
    /// <summary>The protocol named by <c>protocol</c>.</summary>
    public string Protocol { get; }
    /// <summary>The protocols the service supports, in order of preference.</summary>
    public IReadOnlyList<string> Protocols { get; }
    /// <summary>The auth schemes, in order of preference (newer models).</summary>
    public IReadOnlyList<string> Auth { get; }
}
