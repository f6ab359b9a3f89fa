namespace Stratus.AwsModels;

/// <summary>One service's entry in the bundle's index: enough to list and describe it without decompressing its model.</summary>
public sealed class AwsServiceInfo
{
    internal AwsServiceInfo(string name, string apiVersion, string? protocol, IReadOnlyList<string> protocols,
        string? endpointPrefix, string? signingName, string? serviceId, IReadOnlyList<string> documents, long size,
        string? variant = null, string? botocoreVersion = null)
    {
        Name = name;
        ApiVersion = apiVersion;
        Protocol = protocol;
        Protocols = protocols;
        EndpointPrefix = endpointPrefix;
        SigningName = signingName;
        ServiceId = serviceId;
        Documents = documents;
        Size = size;
        Variant = variant;
        BotocoreVersion = botocoreVersion;
    }

    /// <summary>The service name (botocore's folder name), for example <c>ec2</c>.</summary>
    public string Name { get; }

    /// <summary>The bundled api version, for example <c>2016-11-15</c>.</summary>
    public string ApiVersion { get; }

    /// <summary>The model's <c>protocol</c> (or the first of <c>protocols</c>), for example <c>ec2</c>.</summary>
    public string? Protocol { get; }

    /// <summary>The protocols the service supports, in order of preference.</summary>
    public IReadOnlyList<string> Protocols { get; }

    /// <summary>The endpoint prefix, for example <c>ec2</c>.</summary>
    public string? EndpointPrefix { get; }

    /// <summary>The signing name (the endpoint prefix when the model names none).</summary>
    public string? SigningName { get; }

    /// <summary>The service id, for example <c>EC2</c>.</summary>
    public string? ServiceId { get; }

    /// <summary>The documents in the service's bundle entry: <c>service</c>, and any of <c>paginators</c>, <c>waiters</c>, <c>rules</c>.</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>The size in bytes of the decompressed bundle entry (JSON).</summary>
    public long Size { get; }

    /// <summary>
    /// For a protocol variant (see <see cref="AwsModelBundle.Variants"/>), the protocol it is the model of,
    /// for example <c>query</c>; null for a service's main model.
    /// </summary>
    public string? Variant { get; }

    /// <summary>The botocore version this model comes from, when it differs from the bundle's (<see cref="AwsModelBundle.Version"/>): set for protocol variants.</summary>
    public string? BotocoreVersion { get; }

    /// <inheritdoc />
    public override string ToString() => Variant is null ? $"{Name} {ApiVersion} ({Protocol})" : $"{Name}@{Variant} {ApiVersion} ({Protocol})";
}
