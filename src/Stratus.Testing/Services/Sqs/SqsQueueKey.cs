namespace Stratus.Testing.Services.Sqs;

/// <summary>Where a queue lives: account, region and name (queues are per account and region).</summary>
internal readonly record struct SqsQueueKey(string AccountId, string Region, string Name);
