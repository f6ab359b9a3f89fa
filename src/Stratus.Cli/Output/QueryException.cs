namespace Stratus.Cli.Output;

/// <summary>A <c>--query</c> expression is not valid JMESPath (a usage error).</summary>
internal sealed class QueryException(string message, Exception? inner = null) : Exception(message, inner);
