using System.Globalization;
using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

/// <summary>
/// One security group rule: a protocol and port range, and one peer (an IPv4 or IPv6 CIDR, another group,
/// or a prefix list). EC2 keeps rules one peer each and describes them grouped into IpPermissions.
/// </summary>
internal sealed class SecurityGroupRule
{
    public required string Id { get; init; }

    public required bool IsEgress { get; init; }

    /// <summary><c>-1</c> (all), <c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>icmpv6</c>, or another protocol number.</summary>
    public required string Protocol { get; init; }

    /// <summary>The first port (ICMP: the type); null for all protocols.</summary>
    public int? FromPort { get; init; }

    /// <summary>The last port (ICMP: the code); null for all protocols.</summary>
    public int? ToPort { get; init; }

    public string? CidrIpv4 { get; init; }

    public string? CidrIpv6 { get; init; }

    public string? ReferencedGroupId { get; init; }

    public string? ReferencedUserId { get; init; }

    public string? PrefixListId { get; init; }

    public string? Description { get; init; }

    /// <summary>Whether both rules allow the same traffic (the description aside): EC2's duplicate test.</summary>
    public bool SameAs(SecurityGroupRule other) =>
        IsEgress == other.IsEgress && Protocol == other.Protocol && FromPort == other.FromPort && ToPort == other.ToPort
        && CidrIpv4 == other.CidrIpv4 && CidrIpv6 == other.CidrIpv6 && ReferencedGroupId == other.ReferencedGroupId
        && PrefixListId == other.PrefixListId;

    /// <summary>The rule as EC2's duplicate message spells it (<c>peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW</c>).</summary>
    public string Describe()
    {
        var peer = CidrIpv4 ?? CidrIpv6 ?? ReferencedGroupId ?? PrefixListId;
        var protocol = Protocol == "-1" ? "ALL" : Protocol.ToUpperInvariant();
        return FromPort is null
            ? $"peer: {peer}, {protocol}, ALLOW"
            : $"peer: {peer}, {protocol}, from port: {FromPort}, to port: {ToPort}, ALLOW";
    }

    /// <summary>The rule as the model's SecurityGroupRule (AuthorizeSecurityGroupIngress/Egress results).</summary>
    public JsonObject ToRuleOutput(SecurityGroupRecord group)
    {
        var output = new JsonObject
        {
            ["SecurityGroupRuleId"] = Id,
            ["GroupId"] = group.Id,
            ["GroupOwnerId"] = group.OwnerId,
            ["IsEgress"] = IsEgress,
            ["IpProtocol"] = Protocol,
            ["FromPort"] = FromPort ?? -1,
            ["ToPort"] = ToPort ?? -1,
            ["SecurityGroupRuleArn"] = $"{group.ArnPrefix}:security-group-rule/{Id}",
        };
        Set(output, "CidrIpv4", CidrIpv4);
        Set(output, "CidrIpv6", CidrIpv6);
        Set(output, "PrefixListId", PrefixListId);
        Set(output, "Description", Description);
        if (ReferencedGroupId is not null)
        {
            output["ReferencedGroupInfo"] = new JsonObject { ["GroupId"] = ReferencedGroupId, ["UserId"] = ReferencedUserId };
        }
        return output;
    }

    /// <summary>The rule as the model's RevokedSecurityGroupRule.</summary>
    public JsonObject ToRevokedOutput(string groupId)
    {
        var output = new JsonObject
        {
            ["SecurityGroupRuleId"] = Id,
            ["GroupId"] = groupId,
            ["IsEgress"] = IsEgress,
            ["IpProtocol"] = Protocol,
            ["FromPort"] = FromPort ?? -1,
            ["ToPort"] = ToPort ?? -1,
        };
        Set(output, "CidrIpv4", CidrIpv4);
        Set(output, "CidrIpv6", CidrIpv6);
        Set(output, "PrefixListId", PrefixListId);
        Set(output, "ReferencedGroupId", ReferencedGroupId);
        Set(output, "Description", Description);
        return output;
    }

    /// <summary>Rules as the model's IpPermissionList: one permission per protocol and port range, its peers listed by kind.</summary>
    public static JsonArray ToPermissions(IEnumerable<SecurityGroupRule> rules)
    {
        var permissions = new JsonArray();
        foreach (var range in rules.GroupBy(r => (r.Protocol, r.FromPort, r.ToPort)))
        {
            var permission = new JsonObject { ["IpProtocol"] = range.Key.Protocol };
            if (range.Key.FromPort is { } from)
            {
                permission["FromPort"] = from;
                permission["ToPort"] = range.Key.ToPort;
            }
            permission["UserIdGroupPairs"] = Peers(range, r => r.ReferencedGroupId, r => new JsonObject { ["UserId"] = r.ReferencedUserId, ["GroupId"] = r.ReferencedGroupId });
            permission["IpRanges"] = Peers(range, r => r.CidrIpv4, r => new JsonObject { ["CidrIp"] = r.CidrIpv4 });
            permission["Ipv6Ranges"] = Peers(range, r => r.CidrIpv6, r => new JsonObject { ["CidrIpv6"] = r.CidrIpv6 });
            permission["PrefixListIds"] = Peers(range, r => r.PrefixListId, r => new JsonObject { ["PrefixListId"] = r.PrefixListId });
            permissions.Add((JsonNode)permission);
        }
        return permissions;
    }

    public JsonObject ToState()
    {
        var state = new JsonObject { ["Id"] = Id, ["IsEgress"] = IsEgress, ["Protocol"] = Protocol };
        if (FromPort is not null)
        {
            state["FromPort"] = FromPort;
            state["ToPort"] = ToPort;
        }
        Set(state, "CidrIpv4", CidrIpv4);
        Set(state, "CidrIpv6", CidrIpv6);
        Set(state, "ReferencedGroupId", ReferencedGroupId);
        Set(state, "ReferencedUserId", ReferencedUserId);
        Set(state, "PrefixListId", PrefixListId);
        Set(state, "Description", Description);
        return state;
    }

    public static SecurityGroupRule FromState(JsonObject state) => new()
    {
        Id = Ec2State.String(state, "Id"),
        IsEgress = (bool?)state["IsEgress"] ?? false,
        Protocol = Ec2State.String(state, "Protocol"),
        FromPort = (int?)state["FromPort"],
        ToPort = (int?)state["ToPort"],
        CidrIpv4 = Ec2State.OptionalString(state, "CidrIpv4"),
        CidrIpv6 = Ec2State.OptionalString(state, "CidrIpv6"),
        ReferencedGroupId = Ec2State.OptionalString(state, "ReferencedGroupId"),
        ReferencedUserId = Ec2State.OptionalString(state, "ReferencedUserId"),
        PrefixListId = Ec2State.OptionalString(state, "PrefixListId"),
        Description = Ec2State.OptionalString(state, "Description"),
    };

    /// <summary>The protocol as EC2 keeps it: names for TCP, UDP, ICMP and ICMPv6, <c>-1</c> for all, else the number.</summary>
    public static string? NormalizeProtocol(string protocol) => protocol.ToLowerInvariant() switch
    {
        "tcp" or "6" => "tcp",
        "udp" or "17" => "udp",
        "icmp" or "1" => "icmp",
        "icmpv6" or "58" => "icmpv6",
        "-1" or "all" => "-1",
        var n when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 255 => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static JsonArray Peers(IEnumerable<SecurityGroupRule> rules, Func<SecurityGroupRule, string?> peer, Func<SecurityGroupRule, JsonObject> output)
    {
        var peers = new JsonArray();
        foreach (var rule in rules.Where(r => peer(r) is not null))
        {
            var item = output(rule);
            Set(item, "Description", rule.Description);
            peers.Add((JsonNode)item);
        }
        return peers;
    }

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
