namespace Stratus.Bench.Harness;

/// <summary>What a scenario stresses, which decides its targets.</summary>
public enum ScenarioKind
{
    Small,
    Parsing,
    Large,
}

/// <summary>One request type the three clients all make.</summary>
public sealed record Scenario(string Name, ScenarioKind Kind, long PayloadBytes)
{
    public static readonly Scenario HeadObject = new("S3 HeadObject", ScenarioKind.Small, 0);
    public static readonly Scenario GetSmall = new("S3 GetObject 1 KiB", ScenarioKind.Small, 1024);
    public static readonly Scenario PutSmall = new("S3 PutObject 1 KiB", ScenarioKind.Small, 1024);
    public static readonly Scenario GetLarge = new("S3 GetObject 64 MiB", ScenarioKind.Large, 64L << 20);
    public static readonly Scenario PutLarge = new("S3 PutObject 64 MiB", ScenarioKind.Large, 64L << 20);
    public static readonly Scenario List = new("S3 ListObjectsV2 1,000 keys", ScenarioKind.Parsing, 0);
    public static readonly Scenario Describe = new("EC2 DescribeInstances 500", ScenarioKind.Parsing, 0);
    public static readonly Scenario SendMessage = new("SQS SendMessage", ScenarioKind.Small, 0);
    public static readonly Scenario Query = new("DynamoDB Query 100 items", ScenarioKind.Parsing, 0);

    public static IReadOnlyList<Scenario> All { get; } = [HeadObject, GetSmall, PutSmall, GetLarge, PutLarge, List, Describe, SendMessage, Query];
}
