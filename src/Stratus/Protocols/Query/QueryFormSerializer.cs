using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Rest;

namespace Stratus.Protocols.Query;

/// <summary>
/// Flattens an operation's input into the form fields of the query and ec2 protocols
/// (<c>Action=..&amp;Version=..&amp;Outer.Inner=..</c>). The two differ only in names and lists:
/// query lists are <c>Name.member.N</c> (<c>Name.N</c> when flattened; an empty list is sent as <c>Name=</c>),
/// ec2 lists are always <c>Name.N</c> and ec2 names are the queryName, else the capitalized locationName or member name.
/// Maps are <c>Name.entry.N.key</c> / <c>.value</c> (<c>Name.N.key</c> when flattened).
/// </summary>
internal sealed class QueryFormSerializer
{
    private readonly bool _ec2;

    /// <summary>Creates a serializer for the query protocol, or with <paramref name="ec2"/> for the ec2 protocol.</summary>
    public QueryFormSerializer(bool ec2) => _ec2 = ec2;

    /// <summary>The form body's content type.</summary>
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Writes the whole request: POST to the operation's URI with the form as body.</summary>
    public void Serialize(OperationModel operation, JsonObject input, SerializedRequest request)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Action", operation.Name),
            new("Version", operation.Service.Metadata.ApiVersion),
        };
        if (operation.Input is { } shape)
        {
            AddStructure(fields, "", shape, input);
        }
        var q = operation.RequestUri.IndexOf('?', StringComparison.Ordinal);
        request.Path = q < 0 ? operation.RequestUri : operation.RequestUri[..q];
        request.Headers["Content-Type"] = ContentType;
        request.SetBody(Encode(fields));
    }

    /// <summary>Encodes form fields as <c>application/x-www-form-urlencoded</c>, with AWS percent-encoding.</summary>
    public static string Encode(List<KeyValuePair<string, string>> fields)
    {
        var body = new StringBuilder(64 * fields.Count);
        foreach (var (key, value) in fields)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }
            UriEncoding.Append(body, key, "");
            body.Append('=');
            UriEncoding.Append(body, value, "");
        }
        return body.ToString();
    }

    private void AddStructure(List<KeyValuePair<string, string>> fields, string prefix, Shape shape, JsonObject value)
    {
        foreach (var (name, member) in shape.Members)
        {
            if (value[name] is not { } memberValue)
            {
                continue;
            }
            var key = MemberName(name, member, _ec2);
            Add(fields, prefix.Length == 0 ? key : prefix + "." + key, member, memberValue, member.LocationName is not null);
        }
    }

    private void Add(List<KeyValuePair<string, string>> fields, string prefix, Shape shape, JsonNode value, bool named)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                AddStructure(fields, prefix, shape, (JsonObject)value);
                break;
            case ShapeType.List:
                AddList(fields, prefix, shape, (JsonArray)value, named);
                break;
            case ShapeType.Map:
                AddMap(fields, prefix, shape, (JsonObject)value);
                break;
            default:
                fields.Add(new(prefix, RestRequestBinder.Scalar(shape, value, Timestamps.Iso8601)));
                break;
        }
    }

    private void AddList(List<KeyValuePair<string, string>> fields, string prefix, Shape list, JsonArray items, bool named)
    {
        string itemPrefix;
        if (_ec2)
        {
            itemPrefix = prefix;
        }
        else if (items.Count == 0)
        {
            fields.Add(new(prefix, ""));
            return;
        }
        else if (list.Flattened)
        {
            // A flattened list takes its items' name, unless the member itself was renamed.
            itemPrefix = !named && list.Member.LocationName is { } itemName ? ReplaceLast(prefix, itemName) : prefix;
        }
        else
        {
            itemPrefix = prefix + "." + (list.Member.LocationName ?? "member");
        }
        var i = 0;
        foreach (var item in items)
        {
            i++;
            if (item is not null)
            {
                Add(fields, itemPrefix + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture), list.Member, item, named: false);
            }
        }
    }

    private void AddMap(List<KeyValuePair<string, string>> fields, string prefix, Shape map, JsonObject entries)
    {
        var entryPrefix = map.Flattened ? prefix : prefix + ".entry";
        var keyName = map.Key.LocationName ?? "key";
        var valueName = map.Value.LocationName ?? "value";
        var i = 0;
        foreach (var (key, value) in entries)
        {
            i++;
            var p = entryPrefix + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
            fields.Add(new(p + keyName, key));
            if (value is not null)
            {
                Add(fields, p + valueName, map.Value, value, named: false);
            }
        }
    }

    /// <summary>A member's form name: the locationName (query), or the queryName, else the capitalized locationName or member name (ec2).</summary>
    internal static string MemberName(string name, Shape member, bool ec2)
    {
        if (!ec2)
        {
            return member.LocationName ?? name;
        }
        if (member.QueryName is { } queryName)
        {
            return queryName;
        }
        var n = member.LocationName ?? name;
        return n.Length > 0 && char.IsLower(n[0]) ? char.ToUpperInvariant(n[0]) + n[1..] : n;
    }

    private static string ReplaceLast(string prefix, string name)
    {
        var dot = prefix.LastIndexOf('.');
        return dot < 0 ? name : prefix[..(dot + 1)] + name;
    }
}
