using System.CommandLine;

namespace Stratus.Cli.Commands;

/// <summary>
/// The options every service command takes, anywhere on the line (as in the AWS CLI):
/// <c>--region</c>, <c>--profile</c>, <c>--endpoint-url</c>, <c>--no-sign-request</c>, <c>--output</c>,
/// <c>--query</c>, <c>--no-paginate</c>, <c>--debug</c>, <c>--cli-read-timeout</c>, <c>--cli-connect-timeout</c>,
/// <c>--cli-binary-format</c>, <c>--no-verify-ssl</c> and <c>--color</c>.
/// </summary>
internal sealed class GlobalOptions
{
    /// <summary>The output formats, as the AWS CLI names them.</summary>
    public static readonly string[] OutputFormats = ["json", "yaml", "yaml-stream", "table", "text"];

    /// <summary>The global options that take a value (the rest are flags); the command-line scanner skips their values.</summary>
    public static readonly HashSet<string> WithValue = new(StringComparer.Ordinal)
    {
        "--region", "--profile", "--endpoint-url", "--output", "--query", "--cli-read-timeout", "--cli-connect-timeout",
        "--cli-binary-format", "--color",
    };

    /// <summary>The names of all global options, flags too.</summary>
    public static readonly HashSet<string> All = new(WithValue.Concat(["--no-sign-request", "--no-paginate", "--debug", "--no-verify-ssl"]), StringComparer.Ordinal);

    public Option<string?> Region { get; } = new("--region") { Description = "The region to use. Overrides the profile's region and AWS_REGION / AWS_DEFAULT_REGION.", Recursive = true };
    public Option<string?> Profile { get; } = new("--profile") { Description = "Use a profile from the shared credentials and config files.", Recursive = true };
    public Option<string?> EndpointUrl { get; } = new("--endpoint-url") { Description = "Send requests to this URL instead of the service's endpoint (for example the mock cloud).", Recursive = true };
    public Option<bool> NoSignRequest { get; } = new("--no-sign-request") { Description = "Do not sign requests (no credentials are loaded).", Recursive = true };
    public Option<string?> Output { get; } = new("--output") { Description = "The output format: json, yaml, yaml-stream, table or text. Default: AWS_DEFAULT_OUTPUT, the profile's output, json.", Recursive = true };
    public Option<string?> Query { get; } = new("--query") { Description = "A JMESPath query to filter the response data.", Recursive = true };
    public Option<bool> NoPaginate { get; } = new("--no-paginate") { Description = "Make one call only, instead of following every page (results of all pages are merged by default).", Recursive = true };
    public Option<bool> Debug { get; } = new("--debug") { Description = "Log each attempt and the wire log (secrets redacted) to stderr; show stack traces on failure.", Recursive = true };
    public Option<int?> ReadTimeout { get; } = new("--cli-read-timeout") { Description = "The most seconds to wait for a response (0 = no limit). Default: 60.", Recursive = true };
    public Option<int?> ConnectTimeout { get; } = new("--cli-connect-timeout") { Description = "The most seconds to wait to connect (0 = no limit). Default: 10.", Recursive = true };
    public Option<string?> BinaryFormat { get; } = new("--cli-binary-format") { Description = "How blob text is read: raw-in-base64-out (default: text is sent as UTF-8) or base64 (text is decoded).", Recursive = true };
    public Option<bool> NoVerifySsl { get; } = new("--no-verify-ssl") { Description = "Do not verify TLS certificates (local test servers only).", Recursive = true };
    public Option<string?> Color { get; } = new("--color") { Description = "on, off or auto; accepted for compatibility (output is never colored).", Recursive = true };

    /// <summary>Adds every global option to <paramref name="root"/>.</summary>
    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Output.AcceptOnlyFromAmong(OutputFormats);
        BinaryFormat.AcceptOnlyFromAmong("raw-in-base64-out", "base64");
        Color.AcceptOnlyFromAmong("on", "off", "auto");
        foreach (var option in new Option[] { Region, Profile, EndpointUrl, NoSignRequest, Output, Query, NoPaginate, Debug, ReadTimeout, ConnectTimeout, BinaryFormat, NoVerifySsl, Color })
        {
            root.Options.Add(option);
        }
    }
}
