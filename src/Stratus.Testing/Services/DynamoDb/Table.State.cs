using System.Globalization;
using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>The table as saved state (plain JSON: text timestamps, base64 blobs) and back.</summary>
internal sealed partial class Table
{
    /// <summary>The whole table, items included.</summary>
    public JsonObject ToState() => new()
    {
        [nameof(Name)] = Name,
        [nameof(Arn)] = Arn,
        [nameof(Account)] = Account,
        [nameof(Region)] = Region,
        [nameof(Id)] = Id,
        [nameof(CreatedAt)] = Time(CreatedAt),
        [nameof(Keys)] = KeysState(Keys),
        [nameof(AttributeDefinitions)] = new JsonObject([.. AttributeDefinitions.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value.ToString()))]),
        [nameof(BillingMode)] = BillingMode,
        [nameof(PayPerRequestSince)] = PayPerRequestSince is { } since ? Time(since) : null,
        [nameof(ReadCapacity)] = ReadCapacity,
        [nameof(WriteCapacity)] = WriteCapacity,
        [nameof(ReadyAt)] = Time(ReadyAt),
        [nameof(PendingStatus)] = PendingStatus,
        [nameof(DeletionProtection)] = DeletionProtection,
        [nameof(StreamEnabled)] = StreamEnabled,
        [nameof(StreamViewType)] = StreamViewType,
        [nameof(Tags)] = new JsonObject([.. Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))]),
        [nameof(TimeToLiveAttribute)] = TimeToLiveAttribute,
        [nameof(GlobalIndexes)] = new JsonArray([.. GlobalIndexes.Select(i => (JsonNode)IndexState(i))]),
        [nameof(LocalIndexes)] = new JsonArray([.. LocalIndexes.Select(i => (JsonNode)IndexState(i))]),
        [nameof(Items)] = new JsonArray([.. Items.All().Select(i => (JsonNode)AttributeValue.WriteStateItem(i))]),
    };

    /// <summary>Restores a table saved by <see cref="ToState"/>.</summary>
    public static Table FromState(JsonObject state)
    {
        var table = new Table(ReadKeys(state[nameof(Keys)]!))
        {
            Name = (string)state[nameof(Name)]!,
            Arn = (string)state[nameof(Arn)]!,
            Account = (string)state[nameof(Account)]!,
            Region = (string)state[nameof(Region)]!,
            Id = (string)state[nameof(Id)]!,
            CreatedAt = ReadTime(state[nameof(CreatedAt)])!.Value,
            BillingMode = (string)state[nameof(BillingMode)]!,
            PayPerRequestSince = ReadTime(state[nameof(PayPerRequestSince)]),
            ReadCapacity = (long)state[nameof(ReadCapacity)]!,
            WriteCapacity = (long)state[nameof(WriteCapacity)]!,
            ReadyAt = ReadTime(state[nameof(ReadyAt)])!.Value,
            PendingStatus = (string)state[nameof(PendingStatus)]!,
            DeletionProtection = (bool)state[nameof(DeletionProtection)]!,
            StreamEnabled = (bool)state[nameof(StreamEnabled)]!,
            StreamViewType = (string?)state[nameof(StreamViewType)],
            TimeToLiveAttribute = (string?)state[nameof(TimeToLiveAttribute)],
        };
        foreach (var (key, value) in state[nameof(Tags)]?.AsObject() ?? [])
        {
            table.Tags[key] = (string)value!;
        }
        foreach (var (name, type) in state[nameof(AttributeDefinitions)]!.AsObject())
        {
            table.AttributeDefinitions[name] = Enum.Parse<AttributeType>((string)type!);
        }
        table.GlobalIndexes.AddRange(state[nameof(GlobalIndexes)]!.AsArray().Select(i => ReadIndex(i!)));
        table.LocalIndexes.AddRange(state[nameof(LocalIndexes)]!.AsArray().Select(i => ReadIndex(i!)));
        foreach (var item in state[nameof(Items)]!.AsArray())
        {
            table.Items.Put(AttributeValue.ReadStateItem(item));
        }
        return table;
    }

    private static JsonObject KeysState(KeySchema keys) => new()
    {
        ["HashName"] = keys.HashName,
        ["HashType"] = keys.HashType.ToString(),
        ["RangeName"] = keys.RangeName,
        ["RangeType"] = keys.RangeType.ToString(),
    };

    private static KeySchema ReadKeys(JsonNode state) => new(
        (string)state["HashName"]!,
        Enum.Parse<AttributeType>((string)state["HashType"]!),
        (string?)state["RangeName"],
        Enum.Parse<AttributeType>((string)state["RangeType"]!));

    private static JsonObject IndexState(SecondaryIndex index) => new()
    {
        [nameof(Name)] = index.Name,
        [nameof(SecondaryIndex.IsGlobal)] = index.IsGlobal,
        [nameof(Keys)] = KeysState(index.Keys),
        [nameof(SecondaryIndex.ProjectionType)] = index.ProjectionType,
        [nameof(SecondaryIndex.NonKeyAttributes)] = new JsonArray([.. index.NonKeyAttributes.Select(a => (JsonNode)JsonValue.Create(a))]),
        [nameof(ReadCapacity)] = index.ReadCapacity,
        [nameof(WriteCapacity)] = index.WriteCapacity,
        [nameof(ReadyAt)] = Time(index.ReadyAt),
        [nameof(Arn)] = index.Arn,
    };

    private static SecondaryIndex ReadIndex(JsonNode state) => new()
    {
        Name = (string)state[nameof(Name)]!,
        IsGlobal = (bool)state[nameof(SecondaryIndex.IsGlobal)]!,
        Keys = ReadKeys(state[nameof(Keys)]!),
        ProjectionType = (string)state[nameof(SecondaryIndex.ProjectionType)]!,
        NonKeyAttributes = [.. state[nameof(SecondaryIndex.NonKeyAttributes)]!.AsArray().Select(a => (string)a!)],
        ReadCapacity = (long)state[nameof(ReadCapacity)]!,
        WriteCapacity = (long)state[nameof(WriteCapacity)]!,
        ReadyAt = ReadTime(state[nameof(ReadyAt)])!.Value,
        Arn = (string)state[nameof(Arn)]!,
    };

    private static string Time(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ReadTime(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
