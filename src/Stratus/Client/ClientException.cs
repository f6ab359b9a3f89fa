namespace Stratus.Client;

/// <summary>What went wrong on the client's side.</summary>
public enum ClientErrorKind
{
    /// <summary>The input does not match the operation's model; nothing was sent.</summary>
    InvalidInput,
    /// <summary>The response could not be read or parsed.</summary>
    UnreadableResponse,
    /// <summary>The request could not be sent or its response not received (connection, timeout).</summary>
    Transport,
    /// <summary>No credentials could be found or used.</summary>
    Credentials,
    /// <summary>No endpoint could be resolved (for example, no region).</summary>
    Endpoint,
    /// <summary>The service or operation is unknown, or the service speaks no supported protocol.</summary>
    Unsupported,
}

/// <summary>A call failed on the client's side: bad input, an unreadable response, a transport failure.</summary>
public sealed class ClientException : StratusException
{
    /// <summary>Creates the exception.</summary>
    public ClientException(ClientErrorKind kind, string message, Exception? inner = null) : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>What went wrong.</summary>
    public ClientErrorKind Kind { get; }

    /// <summary>For invalid input: each problem found, as "member path: problem".</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
