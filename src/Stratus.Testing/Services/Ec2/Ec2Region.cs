using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

/// <summary>
/// The EC2 resources of one account in one region, guarded by <see cref="Gate"/>. A new region starts with a
/// default VPC (172.31.0.0/16), its default security group, and one default subnet (a /20) per availability zone.
/// </summary>
internal sealed class Ec2Region
{
    private const string DefaultVpcCidr = "172.31.0.0/16";

    public Lock Gate { get; } = new();

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    /// <summary>Key pairs by name.</summary>
    public Dictionary<string, KeyPairRecord> KeyPairs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, InstanceRecord> Instances { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SecurityGroupRecord> SecurityGroups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, VpcRecord> Vpcs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SubnetRecord> Subnets { get; } = new(StringComparer.Ordinal);

    /// <summary>The next creation number (orders instances and groups).</summary>
    public long NextSequence { get; set; }

    /// <summary><c>arn:aws:ec2:region:account</c>.</summary>
    public string ArnPrefix => $"arn:{Ec2Regions.Partition(Region)}:ec2:{Region}:{AccountId}";

    public VpcRecord DefaultVpc => Vpcs.Values.First(v => v.IsDefault);

    public IEnumerable<ITaggable> Taggables =>
        KeyPairs.Values.Cast<ITaggable>().Concat(Instances.Values).Concat(SecurityGroups.Values).Concat(Vpcs.Values).Concat(Subnets.Values);

    public static Ec2Region Create(string accountId, string region)
    {
        var state = new Ec2Region { AccountId = accountId, Region = region };
        var vpc = new VpcRecord
        {
            Id = Ec2Ids.New("vpc"),
            CidrBlock = DefaultVpcCidr,
            IsDefault = true,
            OwnerId = accountId,
            DhcpOptionsId = Ec2Ids.New("dopt"),
            CidrAssociationId = Ec2Ids.New("vpc-cidr-assoc"),
        };
        state.Vpcs[vpc.Id] = vpc;
        var zones = Ec2Regions.Zones(region);
        for (var i = 0; i < zones.Count; i++)
        {
            var id = Ec2Ids.New("subnet");
            state.Subnets[id] = new SubnetRecord
            {
                Id = id,
                VpcId = vpc.Id,
                CidrBlock = $"172.31.{i * 16}.0/20",
                AvailabilityZone = zones[i],
                AvailabilityZoneId = Ec2Regions.ZoneId(region, i),
                DefaultForAz = true,
                MapPublicIpOnLaunch = true,
                OwnerId = accountId,
                Arn = $"{state.ArnPrefix}:subnet/{id}",
            };
        }
        state.AddGroup("default", "default VPC security group", vpc.Id);
        return state;
    }

    /// <summary>Creates a security group with EC2's initial rules: all egress allowed; the default group also admits its own members.</summary>
    public SecurityGroupRecord AddGroup(string name, string description, string vpcId)
    {
        var group = new SecurityGroupRecord
        {
            Id = Ec2Ids.New("sg"),
            Name = name,
            Description = description,
            VpcId = vpcId,
            OwnerId = AccountId,
            ArnPrefix = ArnPrefix,
            Sequence = NextSequence++,
        };
        if (group.IsDefault)
        {
            group.Rules.Add(new SecurityGroupRule
            {
                Id = Ec2Ids.New("sgr"),
                IsEgress = false,
                Protocol = "-1",
                ReferencedGroupId = group.Id,
                ReferencedUserId = AccountId,
            });
        }
        group.Rules.Add(new SecurityGroupRule { Id = Ec2Ids.New("sgr"), IsEgress = true, Protocol = "-1", CidrIpv4 = "0.0.0.0/0" });
        SecurityGroups[group.Id] = group;
        return group;
    }

    public SecurityGroupRecord DefaultGroup(string vpcId) => SecurityGroups.Values.First(g => g.VpcId == vpcId && g.IsDefault);

    public ITaggable? FindTaggable(string id) => Ec2Ids.PrefixOf(id) switch
    {
        "i" => Instances.GetValueOrDefault(id),
        "sg" => SecurityGroups.GetValueOrDefault(id),
        "vpc" => Vpcs.GetValueOrDefault(id),
        "subnet" => Subnets.GetValueOrDefault(id),
        "key" => KeyPairs.Values.FirstOrDefault(k => k.Id == id),
        _ => null,
    };

    /// <summary>Ends transitional states whose time is up and forgets instances terminated longer than <paramref name="retention"/> ago.</summary>
    public void Refresh(DateTimeOffset now, TimeSpan delay, TimeSpan retention)
    {
        List<string>? expired = null;
        foreach (var instance in Instances.Values)
        {
            instance.Refresh(now, delay);
            if (instance.Expired(now, retention))
            {
                (expired ??= []).Add(instance.Id);
            }
        }
        expired?.ForEach(id => Instances.Remove(id));
    }

    /// <summary>The private addresses instances hold in a subnet.</summary>
    public HashSet<string> AddressesInUse(string subnetId) =>
        Instances.Values.Where(i => i.SubnetId == subnetId && i.Addressed).Select(i => i.PrivateIp).ToHashSet(StringComparer.Ordinal);

    public JsonObject ToState() => new()
    {
        ["AccountId"] = AccountId,
        ["Region"] = Region,
        ["NextSequence"] = NextSequence,
        ["Vpcs"] = Array(Vpcs.Values.Select(v => v.ToState())),
        ["Subnets"] = Array(Subnets.Values.Select(s => s.ToState())),
        ["SecurityGroups"] = Array(SecurityGroups.Values.Select(g => g.ToState())),
        ["KeyPairs"] = Array(KeyPairs.Values.Select(k => k.ToState())),
        ["Instances"] = Array(Instances.Values.Select(i => i.ToState())),
    };

    public static Ec2Region FromState(JsonObject state)
    {
        var region = new Ec2Region
        {
            AccountId = Ec2State.String(state, "AccountId"),
            Region = Ec2State.String(state, "Region"),
            NextSequence = (long?)state["NextSequence"] ?? 0,
        };
        foreach (var vpc in Objects(state["Vpcs"]).Select(VpcRecord.FromState))
        {
            region.Vpcs[vpc.Id] = vpc;
        }
        foreach (var subnet in Objects(state["Subnets"]).Select(SubnetRecord.FromState))
        {
            region.Subnets[subnet.Id] = subnet;
        }
        foreach (var group in Objects(state["SecurityGroups"]).Select(SecurityGroupRecord.FromState))
        {
            region.SecurityGroups[group.Id] = group;
        }
        foreach (var key in Objects(state["KeyPairs"]).Select(KeyPairRecord.FromState))
        {
            region.KeyPairs[key.Name] = key;
        }
        foreach (var instance in Objects(state["Instances"]).Select(InstanceRecord.FromState))
        {
            region.Instances[instance.Id] = instance;
        }
        return region;
    }

    private static JsonArray Array(IEnumerable<JsonObject> items) => new(items.Select(i => (JsonNode)i).ToArray());

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];
}
