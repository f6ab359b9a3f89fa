namespace Stratus.Testing.Services.DynamoDb.Expressions;

/// <summary>Which request member an expression came from; errors name it ("Invalid ConditionExpression: ...").</summary>
internal enum ExpressionKind
{
    /// <summary>A write's condition.</summary>
    ConditionExpression,

    /// <summary>A Query or Scan filter.</summary>
    FilterExpression,

    /// <summary>A Query's key condition.</summary>
    KeyConditionExpression,

    /// <summary>UpdateItem's actions.</summary>
    UpdateExpression,

    /// <summary>The attributes to return.</summary>
    ProjectionExpression,
}
