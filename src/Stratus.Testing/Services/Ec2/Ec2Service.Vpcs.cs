using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Ec2;

public sealed partial class Ec2Service
{
    private static readonly IReadOnlyDictionary<string, Func<JsonObject, IEnumerable<string?>>> ZoneFilters =
        new Dictionary<string, Func<JsonObject, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["zone-name"] = z => [(string?)z["ZoneName"]],
            ["zone-id"] = z => [(string?)z["ZoneId"]],
            ["zone-type"] = z => [(string?)z["ZoneType"]],
            ["region-name"] = z => [(string?)z["RegionName"]],
            ["group-name"] = z => [(string?)z["GroupName"]],
            ["network-border-group"] = z => [(string?)z["NetworkBorderGroup"]],
            ["opt-in-status"] = z => [(string?)z["OptInStatus"]],
            ["state"] = z => [(string?)z["State"]],
            ["status"] = z => [(string?)z["State"]],
        };

    private static readonly IReadOnlyDictionary<string, Func<JsonObject, IEnumerable<string?>>> RegionFilters =
        new Dictionary<string, Func<JsonObject, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["region-name"] = r => [(string?)r["RegionName"]],
            ["endpoint"] = r => [(string?)r["Endpoint"]],
            ["opt-in-status"] = r => [(string?)r["OptInStatus"]],
        };

    private void RegisterVpcs()
    {
        On("DescribeVpcs", DescribeVpcs);
        On("DescribeSubnets", DescribeSubnets);
        On("DescribeAvailabilityZones", DescribeAvailabilityZones);
        On("DescribeRegions", DescribeRegions);
    }

    private JsonObject DescribeVpcs(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var matches = Filters.Parse(input).Compile(VpcRecord.FilterFields, v => v.Tags);
        var maxResults = Paging.MaxResults(input, 5, 1000);
        var ids = Ec2Input.Strings(input, "VpcIds");
        if (ids.Find(id => !region.Vpcs.ContainsKey(id)) is { } missing)
        {
            throw Ec2Errors.VpcNotFound(missing);
        }
        var candidates = region.Vpcs.Values.Where(v => (ids.Count == 0 || ids.Contains(v.Id)) && matches(v));
        var (page, nextToken) = Paging.Page(candidates, v => v.Id, maxResults, Ec2Input.String(input, "NextToken"));
        return Page("Vpcs", page.Select(v => v.ToOutput()), nextToken);
    });

    private JsonObject DescribeSubnets(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var matches = Filters.Parse(input).Compile(SubnetRecord.FilterFields, s => s.Tags);
        var maxResults = Paging.MaxResults(input, 5, 1000);
        var ids = Ec2Input.Strings(input, "SubnetIds");
        if (ids.Find(id => !region.Subnets.ContainsKey(id)) is { } missing)
        {
            throw Ec2Errors.SubnetNotFound(missing);
        }
        var candidates = region.Subnets.Values.Where(s => (ids.Count == 0 || ids.Contains(s.Id)) && matches(s));
        var (page, nextToken) = Paging.Page(candidates, s => s.AvailabilityZone + "/" + s.Id, maxResults, Ec2Input.String(input, "NextToken"));
        return Page("Subnets", page.Select(s => s.ToOutput(region.AddressesInUse(s.Id).Count)), nextToken);
    });

    /// <summary>The region's three zones (the region name and a, b, c), all available.</summary>
    private JsonObject DescribeAvailabilityZones(MockCallContext context, JsonObject input)
    {
        Ec2Input.CheckDryRun(input);
        var matches = Filters.Parse(input).Compile(ZoneFilters, null);
        var zones = Ec2Regions.Zones(context.Region).Select((name, i) => new JsonObject
        {
            ["OptInStatus"] = "opt-in-not-required",
            ["Messages"] = new JsonArray(),
            ["RegionName"] = context.Region,
            ["ZoneName"] = name,
            ["ZoneId"] = Ec2Regions.ZoneId(context.Region, i),
            ["GroupName"] = context.Region,
            ["NetworkBorderGroup"] = context.Region,
            ["ZoneType"] = "availability-zone",
            ["GroupLongName"] = context.Region,
            ["State"] = "available",
        }).ToList();
        var names = Ec2Input.Strings(input, "ZoneNames");
        var zoneIds = Ec2Input.Strings(input, "ZoneIds");
        if (names.Find(n => !zones.Exists(z => (string?)z["ZoneName"] == n)) is { } missingName)
        {
            throw Ec2Errors.InvalidValue($"The zone '{missingName}' does not exist.");
        }
        if (zoneIds.Find(n => !zones.Exists(z => (string?)z["ZoneId"] == n)) is { } missingId)
        {
            throw Ec2Errors.InvalidValue($"The zone id '{missingId}' does not exist.");
        }
        var selected = zones.Where(z => (names.Count == 0 || names.Contains((string)z["ZoneName"]!)) && (zoneIds.Count == 0 || zoneIds.Contains((string)z["ZoneId"]!)) && matches(z));
        return new JsonObject { ["AvailabilityZones"] = new JsonArray(selected.Select(z => (JsonNode)z).ToArray()) };
    }

    /// <summary>The commercial regions enabled by default (AllRegions: the opt-in ones too); the calling region counts as enabled.</summary>
    private JsonObject DescribeRegions(MockCallContext context, JsonObject input)
    {
        Ec2Input.CheckDryRun(input);
        var matches = Filters.Parse(input).Compile(RegionFilters, null);
        var regions = Ec2Regions.Default.Select(r => (Name: r, Status: "opt-in-not-required"))
            .Concat(Ec2Regions.OptIn.Select(r => (Name: r, Status: r == context.Region ? "opted-in" : "not-opted-in")))
            .Append((Name: context.Region, Status: "opted-in"))
            .DistinctBy(r => r.Name)
            .Select(r => new JsonObject { ["OptInStatus"] = r.Status, ["RegionName"] = r.Name, ["Endpoint"] = Ec2Regions.Endpoint(r.Name) })
            .ToList();
        var names = Ec2Input.Strings(input, "RegionNames");
        if (names.Find(n => !regions.Exists(r => (string?)r["RegionName"] == n)) is { } missing)
        {
            throw Ec2Errors.InvalidValue($"Invalid region: {missing}");
        }
        var all = Ec2Input.Boolean(input, "AllRegions") || names.Count > 0;
        var selected = regions
            .Where(r => (all || (string?)r["OptInStatus"] != "not-opted-in") && (names.Count == 0 || names.Contains((string)r["RegionName"]!)) && matches(r))
            .OrderBy(r => (string?)r["RegionName"], StringComparer.Ordinal);
        return new JsonObject { ["Regions"] = new JsonArray(selected.Select(r => (JsonNode)r).ToArray()) };
    }

    private static JsonObject Page(string name, IEnumerable<JsonObject> items, string? nextToken)
    {
        var output = new JsonObject { [name] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()) };
        if (nextToken is not null)
        {
            output["NextToken"] = nextToken;
        }
        return output;
    }
}
