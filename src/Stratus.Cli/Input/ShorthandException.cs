namespace Stratus.Cli.Input;

/// <summary>A value is not valid shorthand syntax; the message says what was expected where.</summary>
internal sealed class ShorthandException(string message) : Exception(message);
