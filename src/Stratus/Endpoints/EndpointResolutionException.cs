namespace Stratus.Endpoints;

/// <summary>
/// Endpoint resolution failed: a rule of type <c>error</c> matched (the message is the rule's), no rule matched,
/// or a parameter is missing or of the wrong type.
/// </summary>
public sealed class EndpointResolutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EndpointResolutionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EndpointResolutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public EndpointResolutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
