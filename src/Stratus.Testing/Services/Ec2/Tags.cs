using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

/// <summary>The tags of one resource, in the order they were first set. Not thread-safe (the region's lock guards it).</summary>
internal sealed class Tags
{
    /// <summary>The most tags a resource may have.</summary>
    public const int Limit = 50;

    private readonly List<KeyValuePair<string, string>> _items = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    public int Count => _items.Count;

    public string? Get(string key) => _items.FindIndex(t => t.Key == key) is >= 0 and var i ? _items[i].Value : null;

    public bool ContainsKey(string key) => _items.Exists(t => t.Key == key);

    public void Set(string key, string value)
    {
        var i = _items.FindIndex(t => t.Key == key);
        if (i >= 0)
        {
            _items[i] = new(key, value);
        }
        else
        {
            _items.Add(new(key, value));
        }
    }

    /// <summary>Removes a tag; when <paramref name="value"/> is given, only if the tag has that value (as DeleteTags does).</summary>
    public void Remove(string key, string? value) =>
        _items.RemoveAll(t => t.Key == key && (value is null || t.Value == value));

    public void Clear() => _items.Clear();

    /// <summary>Adds tags, checking the limit first so that a rejected call changes nothing.</summary>
    public void SetAll(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var added = tags.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count(k => !ContainsKey(k));
        if (_items.Count + added > Limit)
        {
            throw Ec2Errors.TagLimit();
        }
        foreach (var (key, value) in tags)
        {
            Set(key, value);
        }
    }

    /// <summary>The tags as the model's TagList (<c>[{Key, Value}]</c>).</summary>
    public JsonArray ToOutput() => new(_items.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());

    /// <summary>Adds <c>Tags</c> to a resource's output when there are any (EC2 leaves the tag set out otherwise).</summary>
    public void AddTo(JsonObject output)
    {
        if (_items.Count > 0)
        {
            output["Tags"] = ToOutput();
        }
    }

    public static Tags FromState(JsonNode? state)
    {
        var tags = new Tags();
        if (state is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                tags.Set((string)item["Key"]!, (string?)item["Value"] ?? "");
            }
        }
        return tags;
    }

    /// <summary>
    /// Reads a TagList (<c>[{Key, Value}]</c>) from input, checking keys and values as EC2 does.
    /// A missing value is the empty string unless <paramref name="keepMissingValues"/> (DeleteTags: a key alone matches any value).
    /// </summary>
    public static List<KeyValuePair<string, string?>> Parse(IEnumerable<JsonObject> tags, bool keepMissingValues = false)
    {
        var result = new List<KeyValuePair<string, string?>>();
        foreach (var tag in tags)
        {
            var key = Ec2Input.String(tag, "Key") ?? throw Ec2Errors.InvalidValue("Tag key cannot be null.");
            if (key.Length == 0 || key.Length > 128)
            {
                throw Ec2Errors.InvalidValue($"Tag key exceeds the maximum length of 128 characters, or is empty: '{key}'");
            }
            if (!keepMissingValues && key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw Ec2Errors.InvalidValue("Tag keys starting with 'aws:' are reserved for internal use");
            }
            var value = Ec2Input.String(tag, "Value");
            if (value is { Length: > 256 })
            {
                throw Ec2Errors.InvalidValue($"Tag value exceeds the maximum length of 256 characters: '{value}'");
            }
            result.Add(new(key, value ?? (keepMissingValues ? null : "")));
        }
        return result;
    }

    /// <summary>
    /// The tags that TagSpecifications give a resource type, after checking every specification names a type
    /// this operation can tag (<paramref name="allowedTypes"/>; tags for other allowed types are the caller's to ignore).
    /// </summary>
    public static List<KeyValuePair<string, string>> FromSpecifications(JsonObject input, string resourceType, params string[] allowedTypes)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var spec in Ec2Input.Objects(input, "TagSpecifications"))
        {
            var type = Ec2Input.String(spec, "ResourceType") ?? throw Ec2Errors.Missing("TagSpecification.ResourceType");
            if (type != resourceType && !allowedTypes.Contains(type, StringComparer.Ordinal))
            {
                throw Ec2Errors.InvalidValue($"'{type}' is not a valid taggable resource type for this operation.");
            }
            if (type == resourceType)
            {
                result.AddRange(Parse(Ec2Input.Objects(spec, "Tags")).Select(t => new KeyValuePair<string, string>(t.Key, t.Value!)));
            }
        }
        if (result.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() > Limit)
        {
            throw Ec2Errors.TagLimit();
        }
        return result;
    }
}
