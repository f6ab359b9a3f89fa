using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

/// <summary>A subnet (the mock has the default subnet of each availability zone, in the default VPC).</summary>
internal sealed class SubnetRecord : ITaggable
{
    /// <summary>EC2 reserves the first four addresses and the last one of every subnet.</summary>
    public const int ReservedAddresses = 5;

    public static readonly IReadOnlyDictionary<string, Func<SubnetRecord, IEnumerable<string?>>> FilterFields =
        new Dictionary<string, Func<SubnetRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["subnet-id"] = s => [s.Id],
            ["subnet-arn"] = s => [s.Arn],
            ["vpc-id"] = s => [s.VpcId],
            ["availability-zone"] = s => [s.AvailabilityZone],
            ["availability-zone-id"] = s => [s.AvailabilityZoneId],
            ["availabilityZone"] = s => [s.AvailabilityZone],
            ["cidr-block"] = s => [s.CidrBlock],
            ["cidr"] = s => [s.CidrBlock],
            ["cidrBlock"] = s => [s.CidrBlock],
            ["default-for-az"] = s => [s.DefaultForAz ? "true" : "false"],
            ["defaultForAz"] = s => [s.DefaultForAz ? "true" : "false"],
            ["map-public-ip-on-launch"] = s => [s.MapPublicIpOnLaunch ? "true" : "false"],
            ["owner-id"] = s => [s.OwnerId],
            ["state"] = _ => ["available"],
        };

    public required string Id { get; init; }

    public required string VpcId { get; init; }

    public required string CidrBlock { get; init; }

    public required string AvailabilityZone { get; init; }

    public required string AvailabilityZoneId { get; init; }

    public required bool DefaultForAz { get; init; }

    public required bool MapPublicIpOnLaunch { get; init; }

    public required string OwnerId { get; init; }

    public required string Arn { get; init; }

    public Tags Tags { get; init; } = new();

    public string ResourceType => "subnet";

    public Cidr Cidr => Cidr.TryParse(CidrBlock, ipv6: false, out var cidr) ? cidr : throw new InvalidOperationException($"Bad CIDR {CidrBlock}");

    public JsonObject ToOutput(int usedAddresses)
    {
        var output = new JsonObject
        {
            ["AvailabilityZoneId"] = AvailabilityZoneId,
            ["MapCustomerOwnedIpOnLaunch"] = false,
            ["OwnerId"] = OwnerId,
            ["AssignIpv6AddressOnCreation"] = false,
            ["Ipv6CidrBlockAssociationSet"] = new JsonArray(),
            ["SubnetArn"] = Arn,
            ["EnableDns64"] = false,
            ["Ipv6Native"] = false,
            ["PrivateDnsNameOptionsOnLaunch"] = new JsonObject
            {
                ["HostnameType"] = "ip-name",
                ["EnableResourceNameDnsARecord"] = false,
                ["EnableResourceNameDnsAAAARecord"] = false,
            },
            ["BlockPublicAccessStates"] = new JsonObject { ["InternetGatewayBlockMode"] = "off" },
            ["SubnetId"] = Id,
            ["State"] = "available",
            ["VpcId"] = VpcId,
            ["CidrBlock"] = CidrBlock,
            ["AvailableIpAddressCount"] = (int)(Cidr.Size - ReservedAddresses - usedAddresses),
            ["AvailabilityZone"] = AvailabilityZone,
            ["DefaultForAz"] = DefaultForAz,
            ["MapPublicIpOnLaunch"] = MapPublicIpOnLaunch,
        };
        Tags.AddTo(output);
        return output;
    }

    public JsonObject ToState() => new()
    {
        ["Id"] = Id,
        ["VpcId"] = VpcId,
        ["CidrBlock"] = CidrBlock,
        ["AvailabilityZone"] = AvailabilityZone,
        ["AvailabilityZoneId"] = AvailabilityZoneId,
        ["DefaultForAz"] = DefaultForAz,
        ["MapPublicIpOnLaunch"] = MapPublicIpOnLaunch,
        ["OwnerId"] = OwnerId,
        ["Arn"] = Arn,
        ["Tags"] = Tags.ToOutput(),
    };

    public static SubnetRecord FromState(JsonObject state) => new()
    {
        Id = Ec2State.String(state, "Id"),
        VpcId = Ec2State.String(state, "VpcId"),
        CidrBlock = Ec2State.String(state, "CidrBlock"),
        AvailabilityZone = Ec2State.String(state, "AvailabilityZone"),
        AvailabilityZoneId = Ec2State.String(state, "AvailabilityZoneId"),
        DefaultForAz = (bool?)state["DefaultForAz"] ?? false,
        MapPublicIpOnLaunch = (bool?)state["MapPublicIpOnLaunch"] ?? false,
        OwnerId = Ec2State.String(state, "OwnerId"),
        Arn = Ec2State.String(state, "Arn"),
        Tags = Tags.FromState(state["Tags"]),
    };
}
