namespace Stratus.Testing.Services.Ec2;

/// <summary>The regions DescribeRegions lists, and the names EC2 derives from a region (zones, zone ids, ARNs).</summary>
internal static class Ec2Regions
{
    /// <summary>The commercial regions enabled by default.</summary>
    public static readonly string[] Default =
    [
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
        "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1",
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ];

    /// <summary>The commercial regions an account must opt in to.</summary>
    public static readonly string[] OptIn =
    [
        "af-south-1", "ap-east-1", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
        "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
    ];

    /// <summary>The availability zones the mock gives every region: the region name and a, b, c.</summary>
    public static IReadOnlyList<string> Zones(string region) => [region + "a", region + "b", region + "c"];

    /// <summary>The zone id of a region's <paramref name="index"/>th zone (<c>use1-az1</c> for us-east-1a).</summary>
    public static string ZoneId(string region, int index) => $"{ShortName(region)}-az{index + 1}";

    /// <summary>The ARN partition of a region.</summary>
    public static string Partition(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : region.StartsWith("us-isob-", StringComparison.Ordinal) ? "aws-iso-b"
        : region.StartsWith("us-iso-", StringComparison.Ordinal) ? "aws-iso"
        : "aws";

    /// <summary>The EC2 endpoint host of a region.</summary>
    public static string Endpoint(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? $"ec2.{region}.amazonaws.com.cn" : $"ec2.{region}.amazonaws.com";

    /// <summary><c>use1</c> for us-east-1, <c>apse2</c> for ap-southeast-2, <c>usgw1</c> for us-gov-west-1.</summary>
    private static string ShortName(string region)
    {
        var parts = region.Split('-');
        var name = parts[0];
        foreach (var part in parts.Skip(1))
        {
            name += part switch
            {
                "northeast" => "ne",
                "northwest" => "nw",
                "southeast" => "se",
                "southwest" => "sw",
                _ when part.All(char.IsAsciiDigit) => part,
                _ => part[..1],
            };
        }
        return name;
    }
}
