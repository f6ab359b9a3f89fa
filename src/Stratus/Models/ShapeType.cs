namespace Stratus.Models;

/// <summary>The kinds of shape a service model can declare.</summary>
public enum ShapeType
{
    /// <summary>A structure with named members.</summary>
    Structure,
    /// <summary>An ordered list of one member shape.</summary>
    List,
    /// <summary>A map from key shape to value shape.</summary>
    Map,
    /// <summary>A text value.</summary>
    String,
    /// <summary>A 32-bit integer (also byte and short in Smithy models).</summary>
    Integer,
    /// <summary>A 64-bit integer.</summary>
    Long,
    /// <summary>A single-precision number.</summary>
    Float,
    /// <summary>A double-precision number.</summary>
    Double,
    /// <summary>True or false.</summary>
    Boolean,
    /// <summary>A point in time.</summary>
    Timestamp,
    /// <summary>Raw bytes.</summary>
    Blob,
    /// <summary>An arbitrary-precision integer.</summary>
    BigInteger,
    /// <summary>An arbitrary-precision decimal.</summary>
    BigDecimal,
    /// <summary>A structure-less document (any JSON value).</summary>
    Document,
}
