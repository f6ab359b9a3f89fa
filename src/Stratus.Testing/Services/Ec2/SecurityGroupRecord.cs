using System.Globalization;
using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

/// <summary>A security group of a VPC and its rules (ingress and egress).</summary>
internal sealed class SecurityGroupRecord : ITaggable
{
    public static readonly IReadOnlyDictionary<string, Func<SecurityGroupRecord, IEnumerable<string?>>> FilterFields =
        new Dictionary<string, Func<SecurityGroupRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["group-id"] = g => [g.Id],
            ["group-name"] = g => [g.Name],
            ["description"] = g => [g.Description],
            ["vpc-id"] = g => [g.VpcId],
            ["owner-id"] = g => [g.OwnerId],
            ["ip-permission.protocol"] = g => g.Ingress.Select(r => (string?)r.Protocol),
            ["ip-permission.from-port"] = g => g.Ingress.Select(r => r.FromPort?.ToString(CultureInfo.InvariantCulture)),
            ["ip-permission.to-port"] = g => g.Ingress.Select(r => r.ToPort?.ToString(CultureInfo.InvariantCulture)),
            ["ip-permission.cidr"] = g => g.Ingress.Select(r => r.CidrIpv4),
            ["ip-permission.ipv6-cidr"] = g => g.Ingress.Select(r => r.CidrIpv6),
            ["ip-permission.group-id"] = g => g.Ingress.Select(r => r.ReferencedGroupId),
            ["ip-permission.prefix-list-id"] = g => g.Ingress.Select(r => r.PrefixListId),
            ["egress.ip-permission.protocol"] = g => g.Egress.Select(r => (string?)r.Protocol),
            ["egress.ip-permission.from-port"] = g => g.Egress.Select(r => r.FromPort?.ToString(CultureInfo.InvariantCulture)),
            ["egress.ip-permission.to-port"] = g => g.Egress.Select(r => r.ToPort?.ToString(CultureInfo.InvariantCulture)),
            ["egress.ip-permission.cidr"] = g => g.Egress.Select(r => r.CidrIpv4),
            ["egress.ip-permission.ipv6-cidr"] = g => g.Egress.Select(r => r.CidrIpv6),
            ["egress.ip-permission.group-id"] = g => g.Egress.Select(r => r.ReferencedGroupId),
            ["egress.ip-permission.prefix-list-id"] = g => g.Egress.Select(r => r.PrefixListId),
        };

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string VpcId { get; init; }

    public required string OwnerId { get; init; }

    /// <summary><c>arn:aws:ec2:region:account</c>: ARNs of the group and its rules start so.</summary>
    public required string ArnPrefix { get; init; }

    /// <summary>The order of creation in the region (the order groups are listed and paged in).</summary>
    public required long Sequence { get; init; }

    public List<SecurityGroupRule> Rules { get; init; } = [];

    public Tags Tags { get; init; } = new();

    public string ResourceType => "security-group";

    public bool IsDefault => Name == "default";

    public string Arn => $"{ArnPrefix}:security-group/{Id}";

    public IEnumerable<SecurityGroupRule> Ingress => Rules.Where(r => !r.IsEgress);

    public IEnumerable<SecurityGroupRule> Egress => Rules.Where(r => r.IsEgress);

    public JsonObject ToOutput()
    {
        var output = new JsonObject
        {
            ["GroupId"] = Id,
            ["IpPermissionsEgress"] = SecurityGroupRule.ToPermissions(Egress),
            ["VpcId"] = VpcId,
            ["SecurityGroupArn"] = Arn,
            ["OwnerId"] = OwnerId,
            ["GroupName"] = Name,
            ["Description"] = Description,
            ["IpPermissions"] = SecurityGroupRule.ToPermissions(Ingress),
        };
        Tags.AddTo(output);
        return output;
    }

    public JsonObject ToState() => new()
    {
        ["Id"] = Id,
        ["Name"] = Name,
        ["Description"] = Description,
        ["VpcId"] = VpcId,
        ["OwnerId"] = OwnerId,
        ["ArnPrefix"] = ArnPrefix,
        ["Sequence"] = Sequence,
        ["Rules"] = new JsonArray(Rules.Select(r => (JsonNode)r.ToState()).ToArray()),
        ["Tags"] = Tags.ToOutput(),
    };

    public static SecurityGroupRecord FromState(JsonObject state) => new()
    {
        Id = Ec2State.String(state, "Id"),
        Name = Ec2State.String(state, "Name"),
        Description = Ec2State.String(state, "Description"),
        VpcId = Ec2State.String(state, "VpcId"),
        OwnerId = Ec2State.String(state, "OwnerId"),
        ArnPrefix = Ec2State.String(state, "ArnPrefix"),
        Sequence = (long?)state["Sequence"] ?? 0,
        Rules = state["Rules"] is JsonArray rules ? rules.OfType<JsonObject>().Select(SecurityGroupRule.FromState).ToList() : [],
        Tags = Tags.FromState(state["Tags"]),
    };
}
