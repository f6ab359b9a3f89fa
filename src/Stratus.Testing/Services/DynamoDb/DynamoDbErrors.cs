using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>DynamoDB's errors, with AWS's codes and messages.</summary>
internal static class DynamoDbErrors
{
    /// <summary>A ValidationException.</summary>
    public static MockServiceException Validation(string message) => new("ValidationException", message);

    /// <summary>A ValidationException starting "One or more parameter values were invalid: ".</summary>
    public static MockServiceException Invalid(string detail) => Validation("One or more parameter values were invalid: " + detail);

    /// <summary>The key given does not match the table's key schema.</summary>
    public static MockServiceException KeyMismatch() => Validation("The provided key element does not match the schema");

    /// <summary>A required member is missing, in AWS's constraint-violation wording.</summary>
    public static MockServiceException Missing(string member) =>
        Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must not be null");

    /// <summary>A member's value is outside its allowed set.</summary>
    public static MockServiceException NotInEnum(string member, string value, string allowed) =>
        Validation($"1 validation error detected: Value '{value}' at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must satisfy enum value set: [{allowed}]");

    /// <summary>A table (or index) that does not exist, or is not ready.</summary>
    public static MockServiceException ResourceNotFound(string? detail = null) =>
        new("ResourceNotFoundException", detail is null ? "Requested resource not found" : "Requested resource not found: " + detail);

    /// <summary>A table that exists already or is busy.</summary>
    public static MockServiceException ResourceInUse(string message) => new("ResourceInUseException", message);

    /// <summary>A condition did not hold; the old item is returned when the caller asked for it.</summary>
    public static MockServiceException ConditionalCheckFailed(Dictionary<string, AttributeValue>? item)
    {
        var fields = item is null ? null : new JsonObject { ["Item"] = AttributeValue.WriteItem(item) };
        return new("ConditionalCheckFailedException", "The conditional request failed", 400, fields);
    }

    /// <summary>A transaction was cancelled; one reason per request item, in order.</summary>
    public static MockServiceException TransactionCanceled(IReadOnlyList<JsonObject> reasons)
    {
        var codes = string.Join(", ", reasons.Select(r => (string?)r["Code"]));
        var fields = new JsonObject { ["CancellationReasons"] = new JsonArray([.. reasons]) };
        return new("TransactionCanceledException", $"Transaction cancelled, please refer cancellation reasons for specific reasons [{codes}]", 400, fields);
    }
}
