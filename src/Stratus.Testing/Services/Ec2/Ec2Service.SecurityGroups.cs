using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Ec2;

public sealed partial class Ec2Service
{
    /// <summary>The most rules of one direction a group may have (EC2's default quota).</summary>
    private const int RulesPerDirection = 60;

    private void RegisterSecurityGroups()
    {
        On("CreateSecurityGroup", CreateSecurityGroup);
        On("DescribeSecurityGroups", DescribeSecurityGroups);
        On("DeleteSecurityGroup", DeleteSecurityGroup);
        On("AuthorizeSecurityGroupIngress", (c, i) => Authorize(c, i, egress: false));
        On("AuthorizeSecurityGroupEgress", (c, i) => Authorize(c, i, egress: true));
        On("RevokeSecurityGroupIngress", (c, i) => Revoke(c, i, egress: false));
        On("RevokeSecurityGroupEgress", (c, i) => Revoke(c, i, egress: true));
    }

    /// <summary>Creates a group in VpcId (default: the default VPC), allowing all egress.</summary>
    private JsonObject CreateSecurityGroup(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var name = Ec2Input.RequiredString(input, "GroupName");
        var description = Ec2Input.String(input, "Description") is { Length: > 0 } d ? d : throw Ec2Errors.Missing("GroupDescription");
        if (name.Length > 255 || description.Length > 255)
        {
            throw Ec2Errors.InvalidValue("Group names and descriptions are at most 255 characters long.");
        }
        if (name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Errors.InvalidValue("Group names may not be in the format sg-*.");
        }
        if (name == "default")
        {
            throw Ec2Errors.InvalidValue("Cannot use reserved security group name: default");
        }
        var vpcId = Ec2Input.String(input, "VpcId") ?? region.DefaultVpc.Id;
        if (!region.Vpcs.ContainsKey(vpcId))
        {
            throw Ec2Errors.VpcNotFound(vpcId);
        }
        if (region.SecurityGroups.Values.Any(g => g.VpcId == vpcId && g.Name == name))
        {
            throw Ec2Errors.GroupDuplicate(name, vpcId);
        }
        var tags = Tags.FromSpecifications(input, "security-group");
        var group = region.AddGroup(name, description, vpcId);
        group.Tags.SetAll(tags);
        Changed();
        var output = new JsonObject { ["GroupId"] = group.Id };
        group.Tags.AddTo(output);
        output["SecurityGroupArn"] = group.Arn;
        return output;
    });

    private JsonObject DescribeSecurityGroups(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var matches = Filters.Parse(input).Compile(SecurityGroupRecord.FilterFields, g => g.Tags);
        var maxResults = Paging.MaxResults(input, 5, 1000);
        var ids = Ec2Input.Strings(input, "GroupIds");
        var names = Ec2Input.Strings(input, "GroupNames");
        var selected = ids.Select(id => FindGroup(region, id)).ToList();
        var defaultVpc = region.DefaultVpc.Id;
        foreach (var name in names)
        {
            selected.Add(region.SecurityGroups.Values.FirstOrDefault(g => g.VpcId == defaultVpc && g.Name == name)
                ?? throw Ec2Errors.GroupNameNotFound(name, defaultVpc));
        }
        var candidates = ids.Count + names.Count > 0 ? selected.DistinctBy(g => g.Id) : region.SecurityGroups.Values;
        var (page, nextToken) = Paging.Page(candidates.Where(matches), g => g.Sequence.ToString("D19", CultureInfo.InvariantCulture), maxResults, Ec2Input.String(input, "NextToken"));
        var output = new JsonObject { ["SecurityGroups"] = new JsonArray(page.Select(g => (JsonNode)g.ToOutput()).ToArray()) };
        if (nextToken is not null)
        {
            output["NextToken"] = nextToken;
        }
        return output;
    });

    /// <summary>Deletes a group unless it is a default group, an instance uses it, or another group's rule refers to it.</summary>
    private JsonObject DeleteSecurityGroup(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var group = TargetGroup(region, input, egress: false);
        if (group.IsDefault)
        {
            throw Ec2Errors.CannotDeleteDefaultGroup(group.Id);
        }
        var inUse = region.Instances.Values.Any(i => i.StateName != InstanceRecord.Terminated && i.SecurityGroups.Any(g => g.Id == group.Id));
        var referenced = region.SecurityGroups.Values.Any(g => g.Id != group.Id && g.Rules.Any(r => r.ReferencedGroupId == group.Id));
        if (inUse || referenced)
        {
            throw Ec2Errors.DependencyViolation(group.Id);
        }
        region.SecurityGroups.Remove(group.Id);
        Changed();
        return new JsonObject { ["Return"] = true, ["GroupId"] = group.Id };
    });

    /// <summary>Adds rules; a rule the group has already (or the request repeats) is InvalidPermission.Duplicate, and nothing is added.</summary>
    private JsonObject Authorize(MockCallContext context, JsonObject input, bool egress) => Locked(context, input, (region, _) =>
    {
        var group = TargetGroup(region, input, egress);
        var rules = RequestedRules(region, input, group, egress);
        if (rules.Count == 0)
        {
            throw Ec2Errors.Missing("IpPermissions");
        }
        for (var i = 0; i < rules.Count; i++)
        {
            if (group.Rules.Exists(r => r.SameAs(rules[i])) || rules.Take(i).Any(r => r.SameAs(rules[i])))
            {
                throw Ec2Errors.PermissionDuplicate(rules[i].Describe());
            }
        }
        if (group.Rules.Count(r => r.IsEgress == egress) + rules.Count > RulesPerDirection)
        {
            throw new MockServiceException("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");
        }
        Tags.FromSpecifications(input, "security-group-rule");
        group.Rules.AddRange(rules);
        Changed();
        return new JsonObject
        {
            ["Return"] = true,
            ["SecurityGroupRules"] = new JsonArray(rules.Select(r => (JsonNode)r.ToRuleOutput(group)).ToArray()),
        };
    });

    /// <summary>
    /// Removes rules named by SecurityGroupRuleIds or by their properties. As on EC2, properties matching no rule
    /// are listed in UnknownIpPermissions for a default VPC's group, and are InvalidPermission.NotFound otherwise.
    /// </summary>
    private JsonObject Revoke(MockCallContext context, JsonObject input, bool egress) => Locked(context, input, (region, _) =>
    {
        var group = TargetGroup(region, input, egress);
        var revoked = new List<SecurityGroupRule>();
        foreach (var id in Ec2Input.Strings(input, "SecurityGroupRuleIds"))
        {
            revoked.Add(group.Rules.Find(r => r.Id == id && r.IsEgress == egress) ?? throw Ec2Errors.RuleNotFound(id));
        }
        var requested = RequestedRules(region, input, group, egress);
        if (revoked.Count == 0 && requested.Count == 0)
        {
            throw Ec2Errors.Missing("IpPermissions");
        }
        var unknown = new List<SecurityGroupRule>();
        foreach (var rule in requested)
        {
            if (group.Rules.Find(r => r.SameAs(rule)) is { } existing)
            {
                revoked.Add(existing);
            }
            else
            {
                unknown.Add(rule);
            }
        }
        if (unknown.Count > 0 && !region.Vpcs[group.VpcId].IsDefault)
        {
            throw new MockServiceException("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
        }
        revoked = revoked.DistinctBy(r => r.Id).ToList();
        group.Rules.RemoveAll(revoked.Contains);
        if (revoked.Count > 0)
        {
            Changed();
        }
        var output = new JsonObject { ["Return"] = true };
        if (unknown.Count > 0)
        {
            output["UnknownIpPermissions"] = SecurityGroupRule.ToPermissions(unknown);
        }
        output["RevokedSecurityGroupRules"] = new JsonArray(revoked.Select(r => (JsonNode)r.ToRevokedOutput(group.Id)).ToArray());
        return output;
    });

    /// <summary>A group by id: InvalidGroupId.Malformed or InvalidGroup.NotFound when there is none.</summary>
    private static SecurityGroupRecord FindGroup(Ec2Region region, string id) =>
        !Ec2Ids.IsWellFormed(id, "sg") ? throw Ec2Errors.Malformed("InvalidGroupId.Malformed", id, "sg")
        : region.SecurityGroups.GetValueOrDefault(id) ?? throw Ec2Errors.GroupNotFound(id);

    /// <summary>The group a call names by GroupId, or (not for egress) by GroupName in the default VPC.</summary>
    private static SecurityGroupRecord TargetGroup(Ec2Region region, JsonObject input, bool egress)
    {
        if (Ec2Input.String(input, "GroupId") is { Length: > 0 } id)
        {
            return FindGroup(region, id);
        }
        if (!egress && Ec2Input.String(input, "GroupName") is { Length: > 0 } name)
        {
            var vpc = region.DefaultVpc.Id;
            return region.SecurityGroups.Values.FirstOrDefault(g => g.VpcId == vpc && g.Name == name) ?? throw Ec2Errors.GroupNameNotFound(name, vpc);
        }
        throw Ec2Errors.Missing(egress ? "GroupId" : "GroupId or GroupName");
    }

    /// <summary>The rules the call's IpPermissions (and the older top-level CidrIp, IpProtocol, ports, SourceSecurityGroupName) describe, one per peer.</summary>
    private static List<SecurityGroupRule> RequestedRules(Ec2Region region, JsonObject input, SecurityGroupRecord group, bool egress)
    {
        var permissions = Ec2Input.Objects(input, "IpPermissions");
        var cidr = Ec2Input.String(input, "CidrIp");
        var sourceGroup = Ec2Input.String(input, "SourceSecurityGroupName");
        if (cidr is not null || sourceGroup is not null || input["IpProtocol"] is not null)
        {
            var legacy = new JsonObject
            {
                ["IpProtocol"] = Ec2Input.String(input, "IpProtocol") ?? "-1",
                ["FromPort"] = input["FromPort"]?.DeepClone(),
                ["ToPort"] = input["ToPort"]?.DeepClone(),
            };
            if (cidr is not null)
            {
                legacy["IpRanges"] = new JsonArray(new JsonObject { ["CidrIp"] = cidr });
            }
            if (sourceGroup is not null)
            {
                legacy["UserIdGroupPairs"] = new JsonArray(new JsonObject { ["GroupName"] = sourceGroup, ["UserId"] = Ec2Input.String(input, "SourceSecurityGroupOwnerId") });
            }
            permissions.Add(legacy);
        }
        var rules = new List<SecurityGroupRule>();
        foreach (var permission in permissions)
        {
            var text = Ec2Input.String(permission, "IpProtocol") ?? throw Ec2Errors.Missing("IpPermissions.IpProtocol");
            var protocol = SecurityGroupRule.NormalizeProtocol(text) ?? throw Ec2Errors.InvalidValue($"Invalid value '{text}' for IP protocol. Unknown protocol.");
            var (from, to) = Ports(permission, protocol);
            SecurityGroupRule Rule(JsonObject peer, string? cidr4 = null, string? cidr6 = null, string? groupId = null, string? userId = null, string? prefixList = null) => new()
            {
                Id = Ec2Ids.New("sgr"),
                IsEgress = egress,
                Protocol = protocol,
                FromPort = from,
                ToPort = to,
                CidrIpv4 = cidr4,
                CidrIpv6 = cidr6,
                ReferencedGroupId = groupId,
                ReferencedUserId = userId,
                PrefixListId = prefixList,
                Description = Ec2Input.String(peer, "Description"),
            };
            foreach (var range in Ec2Input.Objects(permission, "IpRanges"))
            {
                rules.Add(Rule(range, cidr4: CheckedCidr(Ec2Input.String(range, "CidrIp"), ipv6: false)));
            }
            foreach (var range in Ec2Input.Objects(permission, "Ipv6Ranges"))
            {
                rules.Add(Rule(range, cidr6: CheckedCidr(Ec2Input.String(range, "CidrIpv6"), ipv6: true)));
            }
            foreach (var list in Ec2Input.Objects(permission, "PrefixListIds"))
            {
                var id = Ec2Input.String(list, "PrefixListId") ?? throw Ec2Errors.Missing("PrefixListId");
                rules.Add(Rule(list, prefixList: id.StartsWith("pl-", StringComparison.Ordinal) ? id : throw Ec2Errors.Malformed("InvalidPrefixListID.Malformed", id, "pl")));
            }
            foreach (var pair in Ec2Input.Objects(permission, "UserIdGroupPairs"))
            {
                var userId = Ec2Input.String(pair, "UserId") is { Length: > 0 } u ? u : region.AccountId;
                string referenced;
                if (Ec2Input.String(pair, "GroupId") is { Length: > 0 } groupId)
                {
                    // Groups of other accounts cannot be checked here; those of this account must exist.
                    referenced = userId == region.AccountId ? FindGroup(region, groupId).Id : groupId;
                }
                else if (Ec2Input.String(pair, "GroupName") is { Length: > 0 } groupName)
                {
                    referenced = region.SecurityGroups.Values.FirstOrDefault(g => g.VpcId == group.VpcId && g.Name == groupName)?.Id
                        ?? throw Ec2Errors.GroupNameNotFound(groupName, group.VpcId);
                }
                else
                {
                    throw Ec2Errors.Missing("UserIdGroupPairs.GroupId");
                }
                rules.Add(Rule(pair, groupId: referenced, userId: userId));
            }
        }
        return rules;
    }

    /// <summary>The port range a permission gives: none for all protocols (and protocols without ports), ICMP type and code for ICMP.</summary>
    private static (int? From, int? To) Ports(JsonObject permission, string protocol)
    {
        var from = Ec2Input.Integer(permission, "FromPort");
        var to = Ec2Input.Integer(permission, "ToPort");
        switch (protocol)
        {
            case "tcp" or "udp":
                if (from is null || to is null)
                {
                    throw Ec2Errors.InvalidValue("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange");
                }
                if (from == -1 && to == -1)
                {
                    return (0, 65535);
                }
                if (from is < 0 or > 65535 || to is < 0 or > 65535 || from > to)
                {
                    throw Ec2Errors.InvalidValue($"Invalid value '{from}-{to}' for portRange. Ports are 0 to 65535, the first not above the last.");
                }
                return ((int)from, (int)to);
            case "icmp" or "icmpv6":
                from ??= -1;
                to ??= -1;
                if (from is < -1 or > 255 || to is < -1 or > 255)
                {
                    throw Ec2Errors.InvalidValue($"Invalid value '{from}' for ICMP type or '{to}' for ICMP code.");
                }
                return ((int)from, (int)to);
            default:
                return (null, null);
        }
    }

    private static string CheckedCidr(string? text, bool ipv6) =>
        text is null ? throw Ec2Errors.Missing(ipv6 ? "CidrIpv6" : "CidrIp")
        : Cidr.TryParse(text, ipv6, out _) ? text
        : throw Ec2Errors.InvalidValue($"CIDR block {text} is malformed");
}
