using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Testing.Mock;
using static Stratus.Testing.Services.Ec2.InstanceRecord;

namespace Stratus.Testing.Services.Ec2;

public sealed partial class Ec2Service
{
    private void RegisterInstances()
    {
        On("RunInstances", RunInstances);
        On("DescribeInstances", DescribeInstances);
        On("StartInstances", StartInstances);
        On("StopInstances", StopInstances);
        On("TerminateInstances", TerminateInstances);
        On("RebootInstances", RebootInstances);
    }

    /// <summary>Launches MaxCount instances (at least MinCount, within <see cref="InstanceLimit"/>) into one reservation, all pending.</summary>
    private JsonObject RunInstances(MockCallContext context, JsonObject input) => Locked(context, input, (region, now) =>
    {
        if (input["LaunchTemplate"] is not null)
        {
            throw Ec2Errors.NotImplemented("The Stratus mock cloud does not implement launch templates; give ImageId and InstanceType.");
        }
        var imageId = Ec2Input.RequiredString(input, "ImageId");
        if (!Ec2Ids.IsWellFormed(imageId, "ami"))
        {
            throw Ec2Errors.Malformed("InvalidAMIID.Malformed", imageId, "ami");
        }
        var minCount = Ec2Input.Integer(input, "MinCount") ?? throw Ec2Errors.Missing("MinCount");
        var maxCount = Ec2Input.Integer(input, "MaxCount") ?? throw Ec2Errors.Missing("MaxCount");
        if (minCount < 1 || maxCount < 1)
        {
            throw Ec2Errors.InvalidValue($"Value ({Math.Min(minCount, maxCount)}) for parameter {(minCount < 1 ? "minCount" : "maxCount")} is invalid. Expected a positive integer.");
        }
        if (minCount > maxCount)
        {
            throw Ec2Errors.InvalidValue($"Value ({minCount}) for parameter minCount is invalid. MinCount must be less than or equal to MaxCount.");
        }
        var instanceType = Ec2Input.String(input, "InstanceType") ?? "m1.small";
        if (context.Service.TryGetShape("InstanceType", out var typeShape) && typeShape.Enum is { } types && !types.Contains(instanceType))
        {
            throw Ec2Errors.InvalidValue($"The following supplied instance types do not exist: [{instanceType}]");
        }
        var keyName = Ec2Input.String(input, "KeyName");
        if (keyName is not null && !region.KeyPairs.ContainsKey(keyName))
        {
            throw Ec2Errors.KeyPairNotFound(keyName);
        }
        var clientToken = Ec2Input.String(input, "ClientToken");
        var requestHash = clientToken is null ? null : RequestHash(input);
        if (clientToken is not null && region.Instances.Values.Where(i => i.ClientToken == clientToken).OrderBy(i => i.Sequence).ToList() is { Count: > 0 } earlier)
        {
            return earlier[0].RequestHash == requestHash ? Reservation(earlier) : throw Ec2Errors.IdempotentMismatch();
        }
        var subnet = LaunchSubnet(region, input);
        var groups = LaunchGroups(region, input, subnet);
        var available = InstanceLimit - region.Instances.Values.Count(i => i.StateName != Terminated);
        if (minCount > available)
        {
            throw Ec2Errors.InstanceLimit(minCount, InstanceLimit);
        }
        var count = (int)Math.Min(maxCount, available);
        var requestedAddress = Ec2Input.String(input, "PrivateIpAddress");
        if (requestedAddress is not null && count > 1)
        {
            throw Ec2Errors.InvalidCombination("A private IP address can be given only when launching one instance.");
        }
        var tags = Tags.FromSpecifications(input, "instance", "volume", "network-interface", "spot-instances-request", "elastic-gpu");
        var inUse = region.AddressesInUse(subnet.Id);
        var reservationId = Ec2Ids.New("r");
        var launched = new List<InstanceRecord>();
        for (var index = 0; index < count; index++)
        {
            var address = requestedAddress is null ? NextAddress(subnet, inUse) : RequestedAddress(subnet, inUse, requestedAddress);
            inUse.Add(address);
            var instance = new InstanceRecord
            {
                Id = Ec2Ids.New("i"),
                ReservationId = reservationId,
                OwnerId = region.AccountId,
                Region = region.Region,
                ImageId = imageId,
                InstanceType = instanceType,
                KeyName = keyName,
                LaunchIndex = index,
                LaunchTime = now,
                ClientToken = clientToken,
                RequestHash = requestHash,
                SubnetId = subnet.Id,
                VpcId = subnet.VpcId,
                AvailabilityZone = subnet.AvailabilityZone,
                PrivateIp = address,
                SecurityGroups = groups.Select(g => (g.Id, g.Name)).ToList(),
                DisableApiTermination = Ec2Input.Boolean(input, "DisableApiTermination"),
                DisableApiStop = Ec2Input.Boolean(input, "DisableApiStop"),
                Sequence = region.NextSequence++,
            };
            instance.SetState(Pending, now);
            instance.Tags.SetAll(tags);
            region.Instances[instance.Id] = instance;
            launched.Add(instance);
        }
        Changed();
        return Reservation(launched);
    });

    private JsonObject DescribeInstances(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var ids = Ec2Input.Strings(input, "InstanceIds");
        var maxResults = Paging.MaxResults(input, 5, 1000);
        if (ids.Count > 0 && maxResults is not null)
        {
            throw Ec2Errors.InvalidCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        }
        var matches = Filters.Parse(input).Compile(FilterFields, i => i.Tags);
        var candidates = ids.Count > 0 ? FindInstances(region, ids) : region.Instances.Values.ToList();
        var (page, nextToken) = Paging.Page(candidates.Where(matches), SortKey, maxResults, Ec2Input.String(input, "NextToken"));
        var reservations = new JsonArray();
        foreach (var reservation in page.GroupBy(i => i.ReservationId))
        {
            reservations.Add((JsonNode)Reservation(reservation.ToList()));
        }
        var output = new JsonObject { ["Reservations"] = reservations };
        if (nextToken is not null)
        {
            output["NextToken"] = nextToken;
        }
        return output;
    });

    /// <summary>Starts stopped instances (pending, then running); running and pending ones stay as they are.</summary>
    private JsonObject StartInstances(MockCallContext context, JsonObject input) => ChangeStates(context, input, "StartingInstances",
        check: i => i.StateName is Stopped or Pending or Running ? null : Ec2Errors.IncorrectInstanceState(i.Id, "started"),
        change: (i, now) =>
        {
            if (i.StateName == Stopped)
            {
                i.SetState(Pending, now);
            }
        });

    /// <summary>Stops running instances (stopping, then stopped); stopping and stopped ones stay as they are.</summary>
    private JsonObject StopInstances(MockCallContext context, JsonObject input) => ChangeStates(context, input, "StoppingInstances",
        check: i => i.StateName is not (Running or Stopping or Stopped) ? Ec2Errors.IncorrectInstanceState(i.Id, "stopped")
            : i.DisableApiStop ? Ec2Errors.OperationNotPermitted($"The instance '{i.Id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.")
            : null,
        change: (i, now) =>
        {
            if (i.StateName == Running)
            {
                i.SetState(Stopping, now, userInitiated: true);
            }
        });

    /// <summary>Terminates instances (shutting-down, then terminated); terminated ones stay listed for <see cref="TerminatedRetention"/>.</summary>
    private JsonObject TerminateInstances(MockCallContext context, JsonObject input) => ChangeStates(context, input, "TerminatingInstances",
        check: i => i.DisableApiTermination
            ? Ec2Errors.OperationNotPermitted($"The instance '{i.Id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.")
            : null,
        change: (i, now) =>
        {
            if (i.StateName is not (ShuttingDown or Terminated))
            {
                i.SetState(ShuttingDown, now, userInitiated: true);
            }
        });

    /// <summary>Reboots running instances: the state does not change.</summary>
    private JsonObject RebootInstances(MockCallContext context, JsonObject input)
    {
        ChangeStates(context, input, "Rebooted",
            check: i => i.StateName is Running or Pending ? null : Ec2Errors.IncorrectInstanceState(i.Id, "rebooted"),
            change: (_, _) => { });
        return [];
    }

    /// <summary>Checks every instance first (so a refused call changes nothing), then changes each, answering previous and current states.</summary>
    private JsonObject ChangeStates(MockCallContext context, JsonObject input, string resultName, Func<InstanceRecord, MockServiceException?> check, Action<InstanceRecord, DateTimeOffset> change) =>
        Locked(context, input, (region, now) =>
        {
            var ids = Ec2Input.Strings(input, "InstanceIds");
            if (ids.Count == 0)
            {
                throw Ec2Errors.Missing("InstanceId");
            }
            var instances = FindInstances(region, ids);
            if (instances.Select(check).FirstOrDefault(e => e is not null) is { } error)
            {
                throw error;
            }
            var results = new JsonArray();
            var changed = false;
            foreach (var instance in instances)
            {
                var previous = instance.StateName;
                change(instance, now);
                changed |= previous != instance.StateName;
                results.Add((JsonNode)new JsonObject
                {
                    ["InstanceId"] = instance.Id,
                    ["CurrentState"] = StateOutput(instance.StateName),
                    ["PreviousState"] = StateOutput(previous),
                });
            }
            if (changed)
            {
                Changed();
            }
            return new JsonObject { [resultName] = results };
        });

    /// <summary>The instances named, in the order named; a malformed or unknown id is an error naming every unknown one.</summary>
    private static List<InstanceRecord> FindInstances(Ec2Region region, List<string> ids)
    {
        if (ids.Find(id => !Ec2Ids.IsWellFormed(id, "i")) is { } malformed)
        {
            throw Ec2Errors.InstanceMalformed(malformed);
        }
        var missing = ids.Where(id => !region.Instances.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw Ec2Errors.InstancesNotFound(missing);
        }
        return ids.Distinct(StringComparer.Ordinal).Select(id => region.Instances[id]).ToList();
    }

    private static string SortKey(InstanceRecord instance) => instance.Sequence.ToString("D19", CultureInfo.InvariantCulture);

    private static JsonObject Reservation(List<InstanceRecord> instances) => new()
    {
        ["ReservationId"] = instances[0].ReservationId,
        ["OwnerId"] = instances[0].OwnerId,
        ["Groups"] = new JsonArray(),
        ["Instances"] = new JsonArray(instances.Select(i => (JsonNode)i.ToOutput()).ToArray()),
    };

    /// <summary>The subnet to launch into: SubnetId, else the default subnet of Placement.AvailabilityZone, else the first default subnet.</summary>
    private static SubnetRecord LaunchSubnet(Ec2Region region, JsonObject input)
    {
        var subnetId = Ec2Input.String(input, "SubnetId");
        var zone = Ec2Input.Object(input, "Placement") is { } placement ? Ec2Input.String(placement, "AvailabilityZone") : null;
        if (subnetId is not null)
        {
            var subnet = region.Subnets.GetValueOrDefault(subnetId) ?? throw Ec2Errors.SubnetNotFound(subnetId);
            return zone is null || zone == subnet.AvailabilityZone
                ? subnet
                : throw Ec2Errors.InvalidValue($"The subnet '{subnetId}' is in availability zone {subnet.AvailabilityZone}, not {zone}.");
        }
        var defaults = region.Subnets.Values.Where(s => s.DefaultForAz).OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal);
        return zone is null
            ? defaults.First()
            : defaults.FirstOrDefault(s => s.AvailabilityZone == zone) ?? throw Ec2Errors.InvalidValue($"Invalid availability zone: [{zone}]");
    }

    /// <summary>The groups to launch with: SecurityGroupIds and SecurityGroups (names), all of the subnet's VPC; else its default group.</summary>
    private static List<SecurityGroupRecord> LaunchGroups(Ec2Region region, JsonObject input, SubnetRecord subnet)
    {
        var groups = new List<SecurityGroupRecord>();
        foreach (var id in Ec2Input.Strings(input, "SecurityGroupIds"))
        {
            var group = FindGroup(region, id);
            if (group.VpcId != subnet.VpcId)
            {
                throw new MockServiceException("InvalidParameter", $"Security group {id} and subnet {subnet.Id} belong to different networks.");
            }
            groups.Add(group);
        }
        foreach (var name in Ec2Input.Strings(input, "SecurityGroups"))
        {
            groups.Add(region.SecurityGroups.Values.FirstOrDefault(g => g.VpcId == subnet.VpcId && g.Name == name)
                ?? throw Ec2Errors.GroupNameNotFound(name, subnet.VpcId));
        }
        return groups.Count == 0 ? [region.DefaultGroup(subnet.VpcId)] : groups.DistinctBy(g => g.Id).ToList();
    }

    /// <summary>The first free address of a subnet (EC2 reserves the first four and the last).</summary>
    private static string NextAddress(SubnetRecord subnet, HashSet<string> inUse)
    {
        var cidr = subnet.Cidr;
        for (long offset = 4; offset < cidr.Size - 1; offset++)
        {
            var address = cidr.At(offset).ToString();
            if (!inUse.Contains(address))
            {
                return address;
            }
        }
        throw new MockServiceException("InsufficientFreeAddressesInSubnet", $"There are not enough free addresses in subnet '{subnet.Id}' to satisfy the requested number of instances.");
    }

    private static string RequestedAddress(SubnetRecord subnet, HashSet<string> inUse, string text)
    {
        var cidr = subnet.Cidr;
        if (!IPAddress.TryParse(text, out var address) || cidr.OffsetOf(address) is var offset && (offset < 4 || offset >= cidr.Size - 1))
        {
            throw Ec2Errors.InvalidValue($"Address {text} does not fall within the subnet's address range");
        }
        var normalized = address.ToString();
        return inUse.Contains(normalized) ? throw Ec2Errors.AddressInUse(normalized) : normalized;
    }

    /// <summary>What makes two RunInstances calls with one ClientToken the same request.</summary>
    private static string RequestHash(JsonObject input)
    {
        var text = new StringBuilder();
        foreach (var name in new[] { "ImageId", "InstanceType", "MinCount", "MaxCount", "KeyName", "SubnetId", "PrivateIpAddress" })
        {
            text.Append(name).Append('=').Append(Ec2Input.String(input, name)).Append('\n');
        }
        foreach (var name in new[] { "SecurityGroupIds", "SecurityGroups" })
        {
            text.Append(name).Append('=').AppendJoin(',', Ec2Input.Strings(input, name)).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
