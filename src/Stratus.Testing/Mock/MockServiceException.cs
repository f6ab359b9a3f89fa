using System.Text.Json.Nodes;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

/// <summary>A mocked service answers with an AWS error (code, message, HTTP status, extra fields).</summary>
public sealed class MockServiceException : Exception
{
    /// <summary>Creates the error.</summary>
    public MockServiceException(string code, string message, int statusCode = 400, JsonObject? fields = null, bool senderFault = true)
        : base($"{code}: {message}")
    {
        Error = new ServiceError(code, message, statusCode, fields, senderFault);
    }

    /// <summary>The error, as the protocol layer writes it.</summary>
    public ServiceError Error { get; }
}
