namespace Stratus.Endpoints.Rules;

/// <summary>The outcome of evaluating a rule set: an endpoint or an error message (what the cache keeps).</summary>
internal sealed class Resolution
{
    private Resolution(Endpoint? endpoint, string? error)
    {
        Endpoint = endpoint;
        Error = error;
    }

    public Endpoint? Endpoint { get; }

    public string? Error { get; }

    public static Resolution Success(Endpoint endpoint) => new(endpoint, null);

    public static Resolution Failure(string message) => new(null, message);
}
