namespace Stratus.Client;

/// <summary>The base of every exception a Stratus call throws (besides cancellation).</summary>
public abstract class StratusException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected StratusException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The service called, for example <c>ec2</c>.</summary>
    public string? Service { get; init; }

    /// <summary>The operation called, for example <c>DescribeKeyPairs</c>.</summary>
    public string? Operation { get; init; }
}
