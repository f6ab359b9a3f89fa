namespace Stratus.Bench.Floor;

/// <summary>HeadObject's answer.</summary>
public sealed record ObjectInfo(long ContentLength, string? ETag, DateTimeOffset? LastModified, string? ContentType);

/// <summary>One ListObjectsV2 entry.</summary>
public sealed record S3ObjectEntry(string Key, DateTime LastModified, string ETag, long Size, string StorageClass, string? ChecksumAlgorithm);

/// <summary>A DescribeInstances instance: the fields most callers read, the other scalars by name.</summary>
public sealed class Ec2Instance
{
    public string InstanceId { get; set; } = "";
    public string State { get; set; } = "";
    public string InstanceType { get; set; } = "";
    public DateTime LaunchTime { get; set; }
    public string? PrivateIpAddress { get; set; }
    public string? PublicIpAddress { get; set; }
    public string? AvailabilityZone { get; set; }
    public List<KeyValuePair<string, string>> Tags { get; } = [];
    public List<string> SecurityGroupIds { get; } = [];
    public List<string> VolumeIds { get; } = [];
    public List<string> NetworkInterfaceIds { get; } = [];
    public Dictionary<string, string> Other { get; } = new(StringComparer.Ordinal);
}

/// <summary>A DynamoDB attribute value.</summary>
public sealed class DdbValue
{
    public string Type { get; init; } = "";
    public string? Scalar { get; init; }
    public bool? Bool { get; init; }
    public List<string>? Set { get; init; }
    public List<DdbValue>? List { get; init; }
    public Dictionary<string, DdbValue>? Map { get; init; }
}
