using Stratus.Cli.Input;
using Stratus.Cli.Output;
using Stratus.Client;
using Stratus.Storage;

namespace Stratus.Cli.Commands;

/// <summary>
/// Reports a failure as ONE line on stderr and chooses the exit code, as the AWS CLI does:
/// <c>An error occurred (Code) when calling the Operation operation: message</c> for a service error (254),
/// the option and the reason for bad input (252), what is missing for configuration problems (253).
/// A stack trace follows only with <c>--debug</c>.
/// </summary>
internal static class ErrorReport
{
    /// <summary>Writes the report and returns the exit code.</summary>
    public static int Handle(Exception error, TextWriter stderr, bool debug, OperationCommand? command = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(stderr);
        var (code, message) = Describe(error, command);
        if (message is not null)
        {
            stderr.WriteLine(OneLine(message));
        }
        if (debug && error is not (UsageException or OperationCanceledException))
        {
            stderr.WriteLine(error.ToString());
        }
        stderr.Flush();
        return code;
    }

    /// <summary>The exit code and the one-line message for <paramref name="error"/>.</summary>
    public static (int Code, string? Message) Describe(Exception error, OperationCommand? command = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            OperationCanceledException => (ExitCodes.Interrupted, null),
            UsageException u => (ExitCodes.Usage, "stratus: error: " + u.Message),
            ParamException p => (ExitCodes.Usage, p.Message),
            QueryException q => (ExitCodes.Usage, q.Message),
            // The portable storage commands: the portable kind first, then what the provider said.
            StorageException s => (s.InnerException is null or ServiceException ? ExitCodes.ServiceError : ExitCodes.General, $"stratus: error: {s.Kind}: {s.Message}"),
            ServiceException s => (ExitCodes.ServiceError,
                $"An error occurred ({s.ErrorCode}) when calling the {s.Operation} operation: {(string.IsNullOrEmpty(s.ErrorMessage) ? "Unknown" : s.ErrorMessage)}"),
            // As the AWS CLI: "Waiter InstanceRunning failed: Max attempts exceeded".
            Stratus.Waiters.WaiterException w => (ExitCodes.General, $"Waiter {w.WaiterName} failed: {w.Reason}"),
            ClientException { Kind: ClientErrorKind.InvalidInput } c => (ExitCodes.Usage, "Parameter validation failed: " + Problems(c, command)),
            ClientException { Kind: ClientErrorKind.Credentials } c => (ExitCodes.Configuration, "Unable to locate credentials: " + c.Message),
            ClientException { Kind: ClientErrorKind.Endpoint } c => (ExitCodes.Configuration, c.Message),
            ClientException { Kind: ClientErrorKind.Transport } c => (ExitCodes.General, "Could not complete the request: " + c.Message),
            ClientException c => (ExitCodes.General, c.Message),
            IOException io => (ExitCodes.General, "stratus: error: " + io.Message),
            UnauthorizedAccessException ua => (ExitCodes.General, "stratus: error: " + ua.Message),
            FormatException f => (ExitCodes.Usage, "stratus: error: " + f.Message),
            NotSupportedException n => (ExitCodes.General, "stratus: error: " + n.Message),
            _ => (ExitCodes.General, $"stratus: error: {error.GetType().Name}: {error.Message}"),
        };
    }

    /// <summary>Each problem, naming the option it came from: <c>--key-name: ...</c>, <c>--filters (Filters[0].Name): ...</c>.</summary>
    private static string Problems(ClientException error, OperationCommand? command)
    {
        if (error.Problems.Count == 0)
        {
            return error.Message;
        }
        var parts = new List<string>();
        foreach (var problem in error.Problems)
        {
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            var path = colon < 0 ? "" : problem[..colon];
            var end = path.IndexOfAny(['.', '[']);
            var member = end < 0 ? path : path[..end];
            var option = command?.Members.FirstOrDefault(m => m.MemberName == member);
            if (option is null || colon < 0)
            {
                parts.Add(problem);
            }
            else
            {
                parts.Add(end < 0 ? $"{option.CliName}{problem[colon..]}" : $"{option.CliName} ({path}){problem[colon..]}");
            }
        }
        return string.Join("; ", parts);
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
