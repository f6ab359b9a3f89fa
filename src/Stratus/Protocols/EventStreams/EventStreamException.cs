namespace Stratus.Protocols.EventStreams;

/// <summary>An error or modeled exception received inside an event stream.</summary>
public sealed class EventStreamException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventStreamException(string code, string? message)
        : base($"{code}: {message}")
    {
        Code = code;
        ErrorMessage = message;
    }

    /// <summary>Creates the exception (for serializers and tests).</summary>
    public EventStreamException()
        : this("Unknown", (string?)null)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public EventStreamException(string message)
        : this("Unknown", message)
    {
    }

    /// <summary>Creates the exception (for serializers and tests).</summary>
    public EventStreamException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "Unknown";
        ErrorMessage = message;
    }

    /// <summary>The error code (<c>:error-code</c>) or exception type (<c>:exception-type</c>).</summary>
    public string Code { get; }

    /// <summary>The error message, if any.</summary>
    public string? ErrorMessage { get; }
}
