namespace Stratus.Cli.Input;

/// <summary>
/// A command-line value could not be turned into a member value. The message names the option, as the AWS CLI
/// does: <c>Error parsing parameter '--count': ...</c>.
/// </summary>
internal sealed class ParamException : Exception
{
    /// <summary>Creates the exception for an option (with its dashes) and the reason.</summary>
    public ParamException(string cliName, string reason, Exception? inner = null)
        : base($"Error parsing parameter '{cliName}': {reason}", inner)
    {
        CliName = cliName;
        Reason = reason;
    }

    /// <summary>The option, for example <c>--count</c>.</summary>
    public string CliName { get; }

    /// <summary>What is wrong with its value.</summary>
    public string Reason { get; }
}
