namespace Stratus.Testing.Stubbing;

/// <summary>
/// A stubbed test went wrong: a call nobody queued, a call to another operation than the next queued one,
/// parameters other than expected, responses left unused, or a canned response that does not fit the model.
/// </summary>
public sealed class StubberException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StubberException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>Creates the exception with the problems found (member path: problem).</summary>
    public StubberException(string message, IReadOnlyList<string> problems) : base(message)
    {
        Problems = problems;
    }

    /// <summary>For a mismatch or an invalid canned response: each problem, as "member path: problem".</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
