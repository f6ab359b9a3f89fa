namespace Stratus.Protocols.Server;

/// <summary>A request's body or parameters could not be read by the protocol (malformed XML, JSON, form or CBOR; a bad value).</summary>
public sealed class ProtocolReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProtocolReadException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The AWS error code to answer with (for example <c>SerializationException</c>, <c>MalformedXML</c>, <c>InvalidParameterValue</c>).</summary>
    public string Code { get; init; } = "SerializationException";
}
