namespace Stratus.Testing.Mock;

/// <summary>A request body is larger than the mock cloud accepts.</summary>
internal sealed class RequestTooLargeException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
