namespace Stratus.Cli.Commands;

/// <summary>The command line is wrong (exit code 252); the message says what and why, on one line.</summary>
internal sealed class UsageException(string message) : Exception(message);
