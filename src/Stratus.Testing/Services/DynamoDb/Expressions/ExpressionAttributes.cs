using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>
/// A request's ExpressionAttributeNames and ExpressionAttributeValues, shared by all its expressions, which
/// remember which placeholders they used: DynamoDB rejects a request that defines one no expression uses.
/// </summary>
internal sealed class ExpressionAttributes
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeValue> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedValues = new(StringComparer.Ordinal);

    /// <summary>Reads the two maps (either may be absent) and checks their keys and values.</summary>
    public ExpressionAttributes(JsonNode? names, JsonNode? values)
    {
        if (names is JsonObject n)
        {
            if (n.Count == 0)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeNames must not be empty");
            }
            foreach (var (k, v) in n)
            {
                if (k.Length < 2 || k[0] != '#')
                {
                    throw DynamoDbErrors.Validation($"ExpressionAttributeNames contains invalid key: Syntax error; token: \"{k}\", near: \"{k}\"");
                }
                _names[k] = NativeValues.TryGetString(v, out var s) && s.Length > 0
                    ? s
                    : throw DynamoDbErrors.Validation($"ExpressionAttributeNames contains invalid value: Empty attribute name for key {k}");
            }
        }
        if (values is JsonObject o)
        {
            if (o.Count == 0)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeValues must not be empty");
            }
            foreach (var (k, v) in o)
            {
                if (k.Length < 2 || k[0] != ':')
                {
                    throw DynamoDbErrors.Validation($"ExpressionAttributeValues contains invalid key: Syntax error; token: \"{k}\", near: \"{k}\"");
                }
                try
                {
                    _values[k] = AttributeValue.Read(v);
                }
                catch (Mock.MockServiceException e)
                {
                    throw DynamoDbErrors.Validation($"ExpressionAttributeValues contains invalid value: {e.Error.Message} for key {k}");
                }
            }
        }
    }

    /// <summary>No placeholders.</summary>
    public static ExpressionAttributes None => new(null, null);

    /// <summary>Whether any names are defined.</summary>
    public bool HasNames => _names.Count > 0;

    /// <summary>Whether any values are defined.</summary>
    public bool HasValues => _values.Count > 0;

    /// <summary>The name a <c>#placeholder</c> stands for, or null when it is not defined.</summary>
    public string? Name(string placeholder)
    {
        if (!_names.TryGetValue(placeholder, out var name))
        {
            return null;
        }
        _usedNames.Add(placeholder);
        return name;
    }

    /// <summary>The value a <c>:placeholder</c> stands for, or null when it is not defined.</summary>
    public AttributeValue? Value(string placeholder)
    {
        if (!_values.TryGetValue(placeholder, out var value))
        {
            return null;
        }
        _usedValues.Add(placeholder);
        return value;
    }

    /// <summary>
    /// Rejects maps given without any expression to use them; <paramref name="expressions"/> lists the request's
    /// expression members and their text (null when absent).
    /// </summary>
    public void RequireExpressions(params (string Member, string? Text)[] expressions)
    {
        if ((!HasNames && !HasValues) || expressions.Any(e => e.Text is not null))
        {
            return;
        }
        var members = expressions.Select(e => e.Member).ToArray();
        var list = members.Length == 1 ? members[0] + " is null" : string.Join(", ", members[..^1]) + " and " + members[^1] + " are null";
        var which = HasNames ? "ExpressionAttributeNames" : "ExpressionAttributeValues";
        throw DynamoDbErrors.Validation($"{which} can only be specified when using expressions: {list}");
    }

    /// <summary>Rejects placeholders defined but used by no expression (call after parsing all of the request's expressions).</summary>
    public void CheckAllUsed()
    {
        var unusedNames = _names.Keys.Where(k => !_usedNames.Contains(k)).ToList();
        if (unusedNames.Count > 0)
        {
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unusedNames)}}}");
        }
        var unusedValues = _values.Keys.Where(k => !_usedValues.Contains(k)).ToList();
        if (unusedValues.Count > 0)
        {
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unusedValues)}}}");
        }
    }
}
