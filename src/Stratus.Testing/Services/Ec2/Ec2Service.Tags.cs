using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Ec2;

public sealed partial class Ec2Service
{
    private static readonly IReadOnlyDictionary<string, Func<(ITaggable Resource, string Key, string Value), IEnumerable<string?>>> TagFilters =
        new Dictionary<string, Func<(ITaggable Resource, string Key, string Value), IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["key"] = t => [t.Key],
            ["value"] = t => [t.Value],
            ["resource-id"] = t => [t.Resource.Id],
            ["resource-type"] = t => [t.Resource.ResourceType],
        };

    private void RegisterTags()
    {
        On("CreateTags", CreateTags);
        On("DeleteTags", DeleteTags);
        On("DescribeTags", DescribeTags);
    }

    /// <summary>Adds or overwrites tags on instances, security groups, VPCs, subnets and key pairs (all or none of them).</summary>
    private JsonObject CreateTags(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var resources = TaggedResources(region, input);
        var tags = Tags.Parse(Ec2Input.Objects(input, "Tags")).Select(t => new KeyValuePair<string, string>(t.Key, t.Value!)).ToList();
        if (tags.Count == 0)
        {
            throw Ec2Errors.Missing("Tags");
        }
        var keys = tags.Select(t => t.Key).Distinct(StringComparer.Ordinal).ToList();
        if (resources.Exists(r => r.Tags.Count + keys.Count(k => !r.Tags.ContainsKey(k)) > Tags.Limit))
        {
            throw Ec2Errors.TagLimit();
        }
        resources.ForEach(r => r.Tags.SetAll(tags));
        Changed();
        return new JsonObject();
    });

    /// <summary>Removes tags: a key alone removes it whatever its value, a key and value only when the value matches, no tags removes all.</summary>
    private JsonObject DeleteTags(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var resources = TaggedResources(region, input);
        var tags = Tags.Parse(Ec2Input.Objects(input, "Tags"), keepMissingValues: true);
        foreach (var resource in resources)
        {
            if (input["Tags"] is null)
            {
                resource.Tags.Clear();
            }
            tags.ForEach(t => resource.Tags.Remove(t.Key, t.Value));
        }
        Changed();
        return new JsonObject();
    });

    private JsonObject DescribeTags(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var matches = Filters.Parse(input).Compile(TagFilters, t => t.Resource.Tags);
        var maxResults = Paging.MaxResults(input, 5, 1000);
        var tags = region.Taggables.SelectMany(r => r.Tags.Items.Select(t => (Resource: r, t.Key, t.Value))).Where(matches);
        var (page, nextToken) = Paging.Page(tags, t => $"{t.Resource.Id}\n{t.Key}", maxResults, Ec2Input.String(input, "NextToken"));
        var output = new JsonObject
        {
            ["Tags"] = new JsonArray(page.Select(t => (JsonNode)new JsonObject
            {
                ["Key"] = t.Key,
                ["ResourceId"] = t.Resource.Id,
                ["ResourceType"] = t.Resource.ResourceType,
                ["Value"] = t.Value,
            }).ToArray()),
        };
        if (nextToken is not null)
        {
            output["NextToken"] = nextToken;
        }
        return output;
    });

    /// <summary>The resources a tags call names; an unknown one is the NotFound error of its kind.</summary>
    private static List<ITaggable> TaggedResources(Ec2Region region, JsonObject input)
    {
        var ids = Ec2Input.Strings(input, "Resources");
        if (ids.Count == 0)
        {
            throw Ec2Errors.Missing("ResourceId");
        }
        return ids.Distinct(StringComparer.Ordinal).Select(id => region.FindTaggable(id) ?? throw Ec2Ids.PrefixOf(id) switch
        {
            "i" when Ec2Ids.IsWellFormed(id, "i") => Ec2Errors.InstancesNotFound([id]),
            "sg" when Ec2Ids.IsWellFormed(id, "sg") => Ec2Errors.GroupNotFound(id),
            "vpc" when Ec2Ids.IsWellFormed(id, "vpc") => Ec2Errors.VpcNotFound(id),
            "subnet" when Ec2Ids.IsWellFormed(id, "subnet") => Ec2Errors.SubnetNotFound(id),
            "key" when Ec2Ids.IsWellFormed(id, "key") => Ec2Errors.KeyPairIdNotFound(id),
            _ => Ec2Errors.InvalidId(id),
        }).ToList();
    }
}
