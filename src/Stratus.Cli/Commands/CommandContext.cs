using System.CommandLine;
using System.CommandLine.Parsing;

namespace Stratus.Cli.Commands;

/// <summary>One run's command line and streams, and the parsing of the one command it names.</summary>
internal sealed class CommandContext(string[] args, string command, TextWriter stdout, TextWriter stderr)
{
    /// <summary>The arguments, as given.</summary>
    public string[] Args { get; } = args;

    /// <summary>The service's command name, as typed (for example <c>s3api</c>).</summary>
    public string Command { get; } = command;

    /// <summary>Standard output.</summary>
    public TextWriter Stdout { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Stderr { get; } = stderr;

    /// <summary>The global options of this run.</summary>
    public GlobalOptions Globals { get; } = new();

    /// <summary>Whether <c>--debug</c> is on the line (known before parsing, for reporting errors of parsing itself).</summary>
    public bool Debug => Args.Contains("--debug");

    /// <summary>
    /// Parses the line against <c>stratus &lt;command&gt; &lt;subcommand&gt;</c> with the global options; response
    /// files (<c>@file</c>) are not expanded, since values may start with <c>@</c>.
    /// </summary>
    /// <exception cref="UsageException">The line does not parse (unknown option, missing value, ...).</exception>
    public (ParseResult Parse, CliSettings Settings) Parse(Command subcommand)
    {
        ArgumentNullException.ThrowIfNull(subcommand);
        var root = new RootCommand("stratus");
        Globals.AddTo(root);
        root.Subcommands.Add(new Command(Command) { subcommand });
        var parse = root.Parse(Args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            throw new UsageException(Describe(parse.Errors[0]));
        }
        return (parse, CliSettings.From(parse, Globals));
    }

    private static string Describe(ParseError error)
    {
        var message = error.Message;
        // "Unrecognized command or argument '--foo'." reads better in the AWS CLI's words.
        return message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)
            ? "Unknown options: " + message["Unrecognized command or argument ".Length..].Trim('.', '\'')
            : message;
    }
}
