namespace Stratus.Endpoints;

/// <summary>The type of a rule-set parameter.</summary>
public enum EndpointParameterType
{
    /// <summary>A string (<c>"type": "string"</c>).</summary>
    String,

    /// <summary>A boolean (<c>"type": "boolean"</c>).</summary>
    Boolean,

    /// <summary>A list of strings (<c>"type": "stringArray"</c>).</summary>
    StringArray,
}
