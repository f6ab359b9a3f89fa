using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>TagResource, UntagResource, ListTagsOfResource, UpdateTimeToLive, DescribeTimeToLive.</summary>
public sealed partial class DynamoDbService
{
    private JsonObject TagResource(MockCallContext context, JsonObject input)
    {
        var table = FindTaggable(context, input);
        foreach (var (key, value) in ReadTags(input))
        {
            table.Tags[key] = value;
        }
        Changed();
        return [];
    }

    private JsonObject UntagResource(MockCallContext context, JsonObject input)
    {
        var table = FindTaggable(context, input);
        foreach (var key in Input.List(input, "TagKeys") ?? throw DynamoDbErrors.Missing("TagKeys"))
        {
            table.Tags.Remove((string?)key ?? "");
        }
        Changed();
        return [];
    }

    private JsonObject ListTagsOfResource(MockCallContext context, JsonObject input)
    {
        var table = FindTaggable(context, input);
        return new JsonObject
        {
            ["Tags"] = new JsonArray([.. table.Tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]),
        };
    }

    private JsonObject UpdateTimeToLive(MockCallContext context, JsonObject input)
    {
        var table = FindTable(context, input, forItems: false);
        var specification = Input.Map(input, "TimeToLiveSpecification") ?? throw DynamoDbErrors.Missing("TimeToLiveSpecification");
        var enabled = Input.Flag(specification, "Enabled") ?? throw DynamoDbErrors.Missing("TimeToLiveSpecification.Enabled");
        var attribute = Input.Text(specification, "AttributeName") ?? throw DynamoDbErrors.Missing("TimeToLiveSpecification.AttributeName");
        if (enabled == (table.TimeToLiveAttribute is not null))
        {
            throw DynamoDbErrors.Validation(enabled ? "TimeToLive is already enabled" : "TimeToLive is already disabled");
        }
        table.TimeToLiveAttribute = enabled ? attribute : null;
        Changed();
        return new JsonObject { ["TimeToLiveSpecification"] = new JsonObject { ["Enabled"] = enabled, ["AttributeName"] = attribute } };
    }

    private JsonObject DescribeTimeToLive(MockCallContext context, JsonObject input)
    {
        var table = FindTable(context, input, forItems: false);
        var description = new JsonObject { ["TimeToLiveStatus"] = table.TimeToLiveAttribute is null ? "DISABLED" : "ENABLED" };
        if (table.TimeToLiveAttribute is not null)
        {
            description["AttributeName"] = table.TimeToLiveAttribute;
        }
        return new JsonObject { ["TimeToLiveDescription"] = description };
    }

    /// <summary>The table a ResourceArn names.</summary>
    private Table FindTaggable(MockCallContext context, JsonObject input)
    {
        var arn = Input.RequiredText(input, "ResourceArn");
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw DynamoDbErrors.Validation($"Invalid TableArn: Invalid ResourceArn provided as input {arn}");
        }
        return FindTable(context, arn, forItems: false);
    }

    private static IEnumerable<(string Key, string Value)> ReadTags(JsonObject input) =>
        (Input.List(input, "Tags") ?? []).OfType<JsonObject>().Select(t => (Input.Text(t, "Key") ?? throw DynamoDbErrors.Missing("Tags.member.key"), Input.Text(t, "Value") ?? ""));
}
