using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sqs;

/// <summary>
/// SQS's errors. Codes are the SQS JSON model's error shape names (the mock cloud maps them to the
/// query-compatible codes, such as <c>AWS.SimpleQueueService.NonExistentQueue</c>, for query clients);
/// codes SQS answers with but does not model (<c>InvalidParameterValue</c>, <c>MissingParameter</c>) are AWS's own.
/// </summary>
internal static class SqsErrors
{
    public static MockServiceException QueueDoesNotExist() =>
        new("QueueDoesNotExist", "The specified queue does not exist.");

    public static MockServiceException QueueNameExists(string attribute) =>
        new("QueueNameExists", $"A queue already exists with the same name and a different value for attribute {attribute}");

    public static MockServiceException InvalidAttributeName(string name) =>
        new("InvalidAttributeName", $"Unknown Attribute {name}.");

    public static MockServiceException InvalidAttributeValue(string name, string? reason = null) =>
        new("InvalidAttributeValue", reason is null ? $"Invalid value for the parameter {name}." : $"Invalid value for the parameter {name}. Reason: {reason}");

    public static MockServiceException InvalidParameterValue(string message) =>
        new("InvalidParameterValue", message);

    public static MockServiceException InvalidParameterValue(string parameter, string value, string reason) =>
        new("InvalidParameterValue", $"Value {value} for parameter {parameter} is invalid. Reason: {reason}");

    public static MockServiceException MissingParameter(string name) =>
        new("MissingParameter", $"The request must contain the parameter {name}.");

    public static MockServiceException InvalidAddress(string url) =>
        new("InvalidAddress", $"The address {url} is not valid for this endpoint.");

    public static MockServiceException ReceiptHandleIsInvalid(string handle) =>
        new("ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.");

    public static MockServiceException MessageNotInflight() =>
        new("MessageNotInflight", "The message referred to isn't in flight.");

    public static MockServiceException InvalidMessageContents() =>
        new("InvalidMessageContents", "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");

    public static MockServiceException PurgeQueueInProgress(string queueArn) =>
        new("PurgeQueueInProgress", $"Only one PurgeQueue operation on {queueArn} is allowed every 60 seconds.", 403);

    public static MockServiceException EmptyBatchRequest(string entryShape) =>
        new("EmptyBatchRequest", $"There should be at least one {entryShape} in the request.");

    public static MockServiceException TooManyEntriesInBatchRequest(int count) =>
        new("TooManyEntriesInBatchRequest", $"Maximum number of entries per request are 10. You have sent {count}.");

    public static MockServiceException BatchEntryIdsNotDistinct(string id) =>
        new("BatchEntryIdsNotDistinct", $"Id {id} repeated.");

    public static MockServiceException InvalidBatchEntryId() =>
        new("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");

    public static MockServiceException BatchRequestTooLong(long max, long sent) =>
        new("BatchRequestTooLong", $"Batch requests cannot be longer than {max} bytes. You have sent {sent} bytes.");
}
