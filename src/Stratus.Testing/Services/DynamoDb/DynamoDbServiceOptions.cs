namespace Stratus.Testing.Services.DynamoDb;

/// <summary>How the mocked DynamoDB behaves where AWS's timing would make tests slow.</summary>
public sealed class DynamoDbServiceOptions
{
    /// <summary>
    /// How long a new table stays CREATING (and an updated table UPDATING, a new global secondary index
    /// CREATING) before it turns ACTIVE, by the call context's clock. CreateTable always answers CREATING,
    /// as AWS does. The default, zero, makes the table ACTIVE from the very next call (DescribeTable included),
    /// so tests need no waiting; a positive delay exercises waiters. Until then item operations on a new
    /// table answer ResourceNotFoundException and reads of a new index ValidationException, as in AWS.
    /// </summary>
    public TimeSpan ProvisioningDelay { get; init; } = TimeSpan.Zero;
}
