using System.Runtime.CompilerServices;
using Stratus.Models;

namespace Stratus.Protocols.Json;

/// <summary>
/// The query-protocol error codes of an awsQueryCompatible service, both ways (code to shape, shape to code
/// and status): from the model's error traits, else from the table below. SQS's JSON model as botocore ships
/// it has lost the traits its query model carried, yet the service still answers with those codes in
/// <c>x-amzn-query-error</c> (<c>AWS.SimpleQueueService.NonExistentQueue;Sender</c>).
/// </summary>
internal sealed class QueryErrorCodes
{
    // By targetPrefix: shape name → (query code, HTTP status), as SQS's query-protocol model had them.
    private static readonly Dictionary<string, Dictionary<string, (string Code, int Status)>> Known = new(StringComparer.Ordinal)
    {
        ["AmazonSQS"] = new(StringComparer.Ordinal)
        {
            ["BatchEntryIdsNotDistinct"] = ("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400),
            ["BatchRequestTooLong"] = ("AWS.SimpleQueueService.BatchRequestTooLong", 400),
            ["EmptyBatchRequest"] = ("AWS.SimpleQueueService.EmptyBatchRequest", 400),
            ["InvalidBatchEntryId"] = ("AWS.SimpleQueueService.InvalidBatchEntryId", 400),
            ["MessageNotInflight"] = ("AWS.SimpleQueueService.MessageNotInflight", 400),
            ["OverLimit"] = ("OverLimit", 403),
            ["PurgeQueueInProgress"] = ("AWS.SimpleQueueService.PurgeQueueInProgress", 403),
            ["QueueDeletedRecently"] = ("AWS.SimpleQueueService.QueueDeletedRecently", 400),
            ["QueueDoesNotExist"] = ("AWS.SimpleQueueService.NonExistentQueue", 400),
            ["QueueNameExists"] = ("QueueAlreadyExists", 400),
            ["TooManyEntriesInBatchRequest"] = ("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400),
            ["UnsupportedOperation"] = ("AWS.SimpleQueueService.UnsupportedOperation", 400),
        },
    };

    private static readonly ConditionalWeakTable<ServiceModel, QueryErrorCodes> Cache = new();

    private readonly Dictionary<string, string> _shapeByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Code, int Status)> _codeByShape = new(StringComparer.Ordinal);

    private QueryErrorCodes(ServiceModel service)
    {
        if (service.Metadata.TargetPrefix is { } prefix && Known.TryGetValue(prefix, out var known))
        {
            foreach (var (shape, entry) in known)
            {
                _codeByShape[shape] = entry;
                _shapeByCode[entry.Code] = shape;
            }
        }
        foreach (var name in service.ShapeNames)
        {
            var shape = service.GetShape(name);
            if (shape.Exception && shape.Error?.Code is { } code)
            {
                _shapeByCode[code] = name;
            }
        }
    }

    /// <summary>The codes of an awsQueryCompatible service (read once per model).</summary>
    public static QueryErrorCodes For(ServiceModel service) => Cache.GetValue(service, s => new QueryErrorCodes(s));

    /// <summary>Finds the exception shape answering with a query code.</summary>
    public bool TryGetShape(string code, out string shapeName) => _shapeByCode.TryGetValue(code, out shapeName!);

    /// <summary>The query code and status of an exception shape whose model lacks its error trait.</summary>
    public bool TryGetCode(string shapeName, out string code, out int status)
    {
        var found = _codeByShape.TryGetValue(shapeName, out var entry);
        (code, status) = found ? entry : ("", 0);
        return found;
    }
}
