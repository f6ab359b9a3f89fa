namespace Stratus.Testing.Services.DynamoDb;

/// <summary>The data types of a DynamoDB attribute value, named as on the wire.</summary>
internal enum AttributeType
{
    /// <summary>String.</summary>
    S,

    /// <summary>Number.</summary>
    N,

    /// <summary>Binary.</summary>
    B,

    /// <summary>Boolean.</summary>
    BOOL,

    /// <summary>Null.</summary>
    NULL,

    /// <summary>List.</summary>
    L,

    /// <summary>Map.</summary>
    M,

    /// <summary>String set.</summary>
    SS,

    /// <summary>Number set.</summary>
    NS,

    /// <summary>Binary set.</summary>
    BS,
}
