namespace Stratus.Testing.Recording;

/// <summary>A replayed client sent a request the recording has no (unused) exchange for, or left recorded exchanges unused.</summary>
public sealed class ReplayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReplayException(string message) : base(message) { }
}
