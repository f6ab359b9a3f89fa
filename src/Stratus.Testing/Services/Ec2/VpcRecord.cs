using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

/// <summary>A VPC (the mock has the default VPC of each account and region).</summary>
internal sealed class VpcRecord : ITaggable
{
    public static readonly IReadOnlyDictionary<string, Func<VpcRecord, IEnumerable<string?>>> FilterFields =
        new Dictionary<string, Func<VpcRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["vpc-id"] = v => [v.Id],
            ["cidr"] = v => [v.CidrBlock],
            ["cidr-block-association.cidr-block"] = v => [v.CidrBlock],
            ["cidr-block-association.association-id"] = v => [v.CidrAssociationId],
            ["cidr-block-association.state"] = _ => ["associated"],
            ["dhcp-options-id"] = v => [v.DhcpOptionsId],
            ["is-default"] = v => [v.IsDefault ? "true" : "false"],
            ["owner-id"] = v => [v.OwnerId],
            ["state"] = _ => ["available"],
        };

    public required string Id { get; init; }

    public required string CidrBlock { get; init; }

    public required bool IsDefault { get; init; }

    public required string OwnerId { get; init; }

    public required string DhcpOptionsId { get; init; }

    public required string CidrAssociationId { get; init; }

    public Tags Tags { get; init; } = new();

    public string ResourceType => "vpc";

    public JsonObject ToOutput()
    {
        var output = new JsonObject
        {
            ["OwnerId"] = OwnerId,
            ["InstanceTenancy"] = "default",
            ["CidrBlockAssociationSet"] = new JsonArray(new JsonObject
            {
                ["AssociationId"] = CidrAssociationId,
                ["CidrBlock"] = CidrBlock,
                ["CidrBlockState"] = new JsonObject { ["State"] = "associated" },
            }),
            ["IsDefault"] = IsDefault,
            ["BlockPublicAccessStates"] = new JsonObject { ["InternetGatewayBlockMode"] = "off" },
            ["VpcId"] = Id,
            ["State"] = "available",
            ["CidrBlock"] = CidrBlock,
            ["DhcpOptionsId"] = DhcpOptionsId,
        };
        Tags.AddTo(output);
        return output;
    }

    public JsonObject ToState() => new()
    {
        ["Id"] = Id,
        ["CidrBlock"] = CidrBlock,
        ["IsDefault"] = IsDefault,
        ["OwnerId"] = OwnerId,
        ["DhcpOptionsId"] = DhcpOptionsId,
        ["CidrAssociationId"] = CidrAssociationId,
        ["Tags"] = Tags.ToOutput(),
    };

    public static VpcRecord FromState(JsonObject state) => new()
    {
        Id = Ec2State.String(state, "Id"),
        CidrBlock = Ec2State.String(state, "CidrBlock"),
        IsDefault = (bool?)state["IsDefault"] ?? false,
        OwnerId = Ec2State.String(state, "OwnerId"),
        DhcpOptionsId = Ec2State.String(state, "DhcpOptionsId"),
        CidrAssociationId = Ec2State.String(state, "CidrAssociationId"),
        Tags = Tags.FromState(state["Tags"]),
    };
}
