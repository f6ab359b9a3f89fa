using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>Reads and checks the parts of CreateTable and UpdateTable: attribute definitions, key schemas, projections, throughput, indexes.</summary>
internal static class TableDefinitions
{
    /// <summary>Reads AttributeDefinitions (name to S, N or B).</summary>
    public static Dictionary<string, AttributeType> ReadAttributeDefinitions(JsonNode? node)
    {
        var definitions = new Dictionary<string, AttributeType>(StringComparer.Ordinal);
        var list = node as JsonArray ?? throw DynamoDbErrors.Missing("AttributeDefinitions");
        for (var i = 0; i < list.Count; i++)
        {
            var name = Input.Text(list[i]?.AsObject() ?? [], "AttributeName") ?? throw DynamoDbErrors.Missing($"AttributeDefinitions.{i + 1}.member.attributeName");
            var type = Input.Text(list[i]!.AsObject(), "AttributeType");
            if (type is not ("S" or "N" or "B"))
            {
                throw DynamoDbErrors.Validation($"1 validation error detected: Value '{type ?? "null"}' at 'attributeDefinitions.{i + 1}.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            if (!definitions.TryAdd(name, Enum.Parse<AttributeType>(type)))
            {
                throw DynamoDbErrors.Invalid("Cannot have two attributes with the same name");
            }
        }
        return definitions;
    }

    /// <summary>Reads a KeySchema: a HASH element and an optional RANGE element, both defined in <paramref name="definitions"/>.</summary>
    public static KeySchema ReadKeySchema(JsonNode? node, Dictionary<string, AttributeType> definitions, string member)
    {
        if (node is not JsonArray { Count: > 0 } list)
        {
            throw DynamoDbErrors.Missing(member);
        }
        if (list.Count > 2)
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        var elements = list.Select(e => (Name: Input.Text(e as JsonObject ?? [], "AttributeName") ?? "", Type: Input.Text(e as JsonObject ?? [], "KeyType"))).ToList();
        if (elements[0].Type != "HASH")
        {
            throw DynamoDbErrors.Invalid("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (elements.Count == 2 && elements[1].Type != "RANGE")
        {
            throw DynamoDbErrors.Invalid("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        if (elements.Count == 2 && elements[0].Name == elements[1].Name)
        {
            throw DynamoDbErrors.Invalid("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (elements.Any(e => !definitions.ContainsKey(e.Name)))
        {
            throw DynamoDbErrors.Invalid($"Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", elements.Select(e => e.Name))}], AttributeDefinitions: [{string.Join(", ", definitions.Keys)}]");
        }
        return elements.Count == 1
            ? new KeySchema(elements[0].Name, definitions[elements[0].Name])
            : new KeySchema(elements[0].Name, definitions[elements[0].Name], elements[1].Name, definitions[elements[1].Name]);
    }

    /// <summary>Reads ProvisionedThroughput, or null when absent.</summary>
    public static (long Read, long Write)? ReadThroughput(JsonNode? node, string member)
    {
        if (node is not JsonObject o)
        {
            return null;
        }
        return (Units(o, "ReadCapacityUnits", member), Units(o, "WriteCapacityUnits", member));
    }

    /// <summary>Reads one secondary index's definition.</summary>
    public static SecondaryIndex ReadIndex(JsonObject spec, bool global, Dictionary<string, AttributeType> definitions, string tableArn, string billingMode, DateTimeOffset readyAt)
    {
        var name = Input.Text(spec, "IndexName") ?? throw DynamoDbErrors.Missing("IndexName");
        if (name.Length < 3 || name.Length > 255 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value '{name}' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        var keys = ReadKeySchema(spec["KeySchema"], definitions, "keySchema");
        var (projectionType, nonKey) = ReadProjection(spec["Projection"]);
        var throughput = ReadThroughput(spec["ProvisionedThroughput"], "provisionedThroughput");
        if (global && billingMode == "PROVISIONED" && throughput is null)
        {
            throw DynamoDbErrors.Invalid($"ProvisionedThroughput must be specified for index: {name}");
        }
        if (global && billingMode == "PAY_PER_REQUEST" && throughput is not null)
        {
            throw DynamoDbErrors.Invalid("ProvisionedThroughput should not be specified for index: " + name + " when BillingMode is PAY_PER_REQUEST");
        }
        return new SecondaryIndex
        {
            Name = name,
            IsGlobal = global,
            Keys = keys,
            ProjectionType = projectionType,
            NonKeyAttributes = nonKey,
            ReadCapacity = throughput?.Read ?? 0,
            WriteCapacity = throughput?.Write ?? 0,
            ReadyAt = readyAt,
            Arn = $"{tableArn}/index/{name}",
        };
    }

    private static (string Type, List<string> NonKey) ReadProjection(JsonNode? node)
    {
        var o = node as JsonObject ?? throw DynamoDbErrors.Missing("Projection");
        var type = Input.Text(o, "ProjectionType");
        var nonKey = (o["NonKeyAttributes"] as JsonArray)?.Select(a => NativeValues.TryGetString(a, out var s) ? s : "").ToList();
        switch (type)
        {
            case "ALL" or "KEYS_ONLY" when nonKey is not null:
                throw DynamoDbErrors.Invalid($"ProjectionType is {type}, but NonKeyAttributes is specified");
            case "ALL" or "KEYS_ONLY":
                return (type, []);
            case "INCLUDE" when nonKey is not { Count: > 0 }:
                throw DynamoDbErrors.Invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
            case "INCLUDE":
                return (type, nonKey);
            default:
                throw DynamoDbErrors.Invalid($"Unknown ProjectionType: {type ?? "null"}");
        }
    }

    private static long Units(JsonObject o, string member, string parent)
    {
        var value = Input.Integer(o, member) ?? throw DynamoDbErrors.Missing($"{parent}.{char.ToLowerInvariant(member[0])}{member[1..]}");
        return value >= 1
            ? value
            : throw DynamoDbErrors.Validation($"1 validation error detected: Value '{value}' at '{parent}.{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
}
