using System.CommandLine;
using Stratus.Cli.Input;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Transport;

namespace Stratus.Cli.Commands;

/// <summary>The global options of one run, with the environment's and the profile's defaults applied.</summary>
internal sealed record CliSettings
{
    public string? Region { get; init; }
    public string? Profile { get; init; }
    public Uri? EndpointUrl { get; init; }
    public bool Unsigned { get; init; }
    public string Output { get; init; } = "json";
    public string? Query { get; init; }
    public bool Paginate { get; init; } = true;
    public bool Debug { get; init; }
    public int? ReadTimeoutSeconds { get; init; }
    public int? ConnectTimeoutSeconds { get; init; }
    public BinaryFormat BinaryFormat { get; init; } = BinaryFormat.RawInBase64Out;
    public bool VerifyTls { get; init; } = true;

    /// <summary>Reads the global options from a parse result.</summary>
    /// <exception cref="UsageException">A value is not valid (for example an endpoint that is not a URL).</exception>
    public static CliSettings From(ParseResult parse, GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        var profile = parse.GetValue(options.Profile);
        Uri? endpoint = null;
        if (parse.GetValue(options.EndpointUrl) is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"Bad value for --endpoint-url \"{url}\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/");
            }
        }
        var output = parse.GetValue(options.Output) ?? (Environment.GetEnvironmentVariable("AWS_DEFAULT_OUTPUT") is { Length: > 0 } env ? env : null);
        var binary = parse.GetValue(options.BinaryFormat);
        if (output is null || binary is null)
        {
            var settings = ProfileSettings(profile);
            output ??= settings?["output"];
            binary ??= settings?["cli_binary_format"];
        }
        output ??= "json";
        if (!GlobalOptions.OutputFormats.Contains(output))
        {
            throw new UsageException($"argument --output: Invalid choice, valid choices are: {string.Join(" | ", GlobalOptions.OutputFormats)} (got '{output}')");
        }
        var read = parse.GetValue(options.ReadTimeout);
        var connect = parse.GetValue(options.ConnectTimeout);
        if (read < 0 || connect < 0)
        {
            throw new UsageException("argument --cli-read-timeout / --cli-connect-timeout: expected a number of seconds (0 = no limit)");
        }
        return new CliSettings
        {
            Region = parse.GetValue(options.Region),
            Profile = profile,
            EndpointUrl = endpoint,
            Unsigned = parse.GetValue(options.NoSignRequest),
            Output = output,
            Query = parse.GetValue(options.Query),
            Paginate = !parse.GetValue(options.NoPaginate),
            Debug = parse.GetValue(options.Debug),
            ReadTimeoutSeconds = read,
            ConnectTimeoutSeconds = connect,
            BinaryFormat = binary == "base64" ? BinaryFormat.Base64 : BinaryFormat.RawInBase64Out,
            VerifyTls = !parse.GetValue(options.NoVerifySsl),
        };
    }

    /// <summary>The client options for these settings.</summary>
    public ClientOptions ToClientOptions(Microsoft.Extensions.Logging.ILogger? logger)
    {
        var connection = new ConnectionOptions { VerifyTls = VerifyTls };
        if (ReadTimeoutSeconds is { } read)
        {
            connection = connection with { ReadTimeout = read == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(read) };
        }
        if (ConnectTimeoutSeconds is { } connect)
        {
            connection = connection with { ConnectTimeout = connect == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(connect) };
        }
        return new ClientOptions
        {
            Region = Region,
            Profile = Profile,
            EndpointUrl = EndpointUrl,
            Unsigned = Unsigned,
            Connection = connection,
            // The AWS CLI bounds connecting and each read, never a whole call (a large download may take long).
            Timeout = Timeout.InfiniteTimeSpan,
            Logger = logger,
        };
    }

    private static ProfileSettings? ProfileSettings(string? profile)
    {
        try
        {
            return SharedConfig.Load().GetProfile(profile ?? SharedConfig.EnvironmentProfileName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            return null;
        }
    }
}
